/// Type conversions: `int`, `double`, `string`, `bool`, `timestamp`, `duration`, `dyn`, `type`.
enum Conversions {
    typealias T = CELType
    static let A = StandardLibrary.A

    static var all: [NamedOverload] {
        var list: [NamedOverload] = []
        func add(_ name: String, _ id: String, _ from: T, _ to: T, _ f: @escaping @Sendable (Value) -> Value) {
            list.append(NamedOverload(name, .unary(id, from, to, f)))
        }
        for from in [T.int, .double, .string, .timestamp] { add("int", "int_\(from.celName)", from, .int, toInt) }
        for from in [T.int, .double, .string] { add("double", "double_\(from.celName)", from, .double, toDouble) }
        for from in [T.int, .double, .string, .bool, .timestamp, .duration, .date] {
            add("string", "string_\(from.celName)", from, .string, toString)
        }
        for from in [T.bool, .string] { add("bool", "bool_\(from.celName)", from, .bool, toBool) }
        for from in [T.string, .int, .timestamp] { add("timestamp", "timestamp_\(from.celName)", from, .timestamp, toTimestamp) }
        for from in [T.string, .duration] { add("duration", "duration_\(from.celName)", from, .duration, toDuration) }
        add("dyn", "to_dyn", A, .dyn) { $0 }
        add("type", "type", A, .type(A)) { .type($0.runtimeType) }
        return list
    }

    @Sendable static func toInt(_ v: Value) -> Value {
        switch v {
        case .int: return v
        case .double(let d):
            guard d.isFinite, d > -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else {
                return .fail(.evalOverflow, "double \(Value.doubleText(d)) is out of the int range")
            }
            return .int(Int64(d.rounded(.towardZero)))
        case .string(let s): return Int64(s).map(Value.int) ?? .fail(.evalConversion, "cannot convert '\(s)' to int")
        case .timestamp(let t): return .int(t.seconds)
        default: return .fail(.evalType, "no such overload: int(\(v.runtimeType.celName))")
        }
    }

    @Sendable static func toDouble(_ v: Value) -> Value {
        switch v {
        case .double: return v
        case .int(let i): return .double(Double(i))
        case .string(let s): return Double(s).map(Value.double) ?? .fail(.evalConversion, "cannot convert '\(s)' to double")
        default: return .fail(.evalType, "no such overload: double(\(v.runtimeType.celName))")
        }
    }

    @Sendable static func toString(_ v: Value) -> Value {
        switch v {
        case .string: return v
        case .int(let i): return .string(String(i))
        case .double(let d): return .string(goFormat(d))
        case .bool(let b): return .string(b ? "true" : "false")
        case .timestamp(let t): return .string(t.rfc3339)
        case .duration(let d): return .string(d.celText)
        case .date(let d): return .string(d.description)
        default: return .fail(.evalType, "no such overload: string(\(v.runtimeType.celName))")
        }
    }

    @Sendable static func toBool(_ v: Value) -> Value {
        switch v {
        case .bool: return v
        case .string(let s):
            switch s {
            case "1", "t", "T", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "F", "false", "FALSE", "False": return .bool(false)
            default: return .fail(.evalConversion, "cannot convert '\(s)' to bool")
            }
        default: return .fail(.evalType, "no such overload: bool(\(v.runtimeType.celName))")
        }
    }

    @Sendable static func toTimestamp(_ v: Value) -> Value {
        switch v {
        case .timestamp: return v
        case .string(let s): return Timestamp(rfc3339: s).map(Value.timestamp) ?? .fail(.evalConversion, "invalid timestamp '\(s)'")
        case .int(let i): return Timestamp.from(seconds: i).map(Value.timestamp) ?? .fail(.evalOverflow, "timestamp out of range")
        default: return .fail(.evalType, "no such overload: timestamp(\(v.runtimeType.celName))")
        }
    }

    @Sendable static func toDuration(_ v: Value) -> Value {
        switch v {
        case .duration: return v
        case .string(let s): return CELDuration(celText: s).map(Value.duration) ?? .fail(.evalConversion, "invalid duration '\(s)'")
        default: return .fail(.evalType, "no such overload: duration(\(v.runtimeType.celName))")
        }
    }

    /// A double formatted like Go's `strconv.FormatFloat(d, 'g', -1, 64)`, as cel-go does:
    /// shortest digits, exponent form below 1e-4 and from 1e21.
    static func goFormat(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        let text = "\(d)"
        guard !text.contains("e") else { return text }
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
