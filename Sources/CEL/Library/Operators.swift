/// Arithmetic, negation, `!` and ordering, with CEL's overloads. Each operator has one
/// polymorphic implementation shared by its overloads; int overflow and division or modulus
/// by zero are errors, doubles follow IEEE 754.
enum Operators {
    typealias T = CELType
    static let A = StandardLibrary.A

    static var all: [NamedOverload] {
        var list: [NamedOverload] = []
        func add(_ name: String, _ id: String, _ a: T, _ b: T, _ r: T, _ f: @escaping @Sendable (Value, Value) -> Value) {
            list.append(NamedOverload(name, .binary(id, a, b, r, f)))
        }
        for (id, t) in [("int64", T.int), ("double", .double)] {
            add("_+_", "add_\(id)", t, t, t, plus)
            add("_-_", "subtract_\(id)", t, t, t, minus)
            add("_*_", "multiply_\(id)", t, t, t, times)
            add("_/_", "divide_\(id)", t, t, t, divide)
            list.append(NamedOverload("-_", .unary("negate_\(id)", t, t, negate)))
        }
        add("_%_", "modulo_int64", .int, .int, .int, modulo)
        add("_+_", "add_string", .string, .string, .string, plus)
        add("_+_", "add_list", .list(A), .list(A), .list(A), plus)
        add("_+_", "add_timestamp_duration", .timestamp, .duration, .timestamp, plus)
        add("_+_", "add_duration_timestamp", .duration, .timestamp, .timestamp, plus)
        add("_+_", "add_duration_duration", .duration, .duration, .duration, plus)
        add("_-_", "subtract_timestamp_timestamp", .timestamp, .timestamp, .duration, minus)
        add("_-_", "subtract_timestamp_duration", .timestamp, .duration, .timestamp, minus)
        add("_-_", "subtract_duration_duration", .duration, .duration, .duration, minus)
        list.append(NamedOverload("!_", .unary("logical_not", .bool, .bool) { v in
            if case .bool(let b) = v { return .bool(!b) }
            return .fail(.evalType, "no such overload: !_(\(v.runtimeType.celName))")
        }))
        let ordered: [(String, T, T)] = [
            ("int64", .int, .int), ("int64_double", .int, .double), ("double_int64", .double, .int),
            ("double", .double, .double), ("string", .string, .string), ("bool", .bool, .bool),
            ("timestamp", .timestamp, .timestamp), ("duration", .duration, .duration), ("date", .date, .date),
        ]
        let comparisons: [(String, String, @Sendable (Value.Order) -> Bool)] = [
            ("_<_", "less", { $0 == .less }), ("_<=_", "less_equals", { $0 == .less || $0 == .equal }),
            ("_>_", "greater", { $0 == .greater }), ("_>=_", "greater_equals", { $0 == .greater || $0 == .equal }),
        ]
        for (name, prefix, test) in comparisons {
            for (suffix, a, b) in ordered {
                add(name, "\(prefix)_\(suffix)", a, b, .bool) { x, y in
                    guard let order = Value.order(x, y) else {
                        return .fail(.evalType, "no such overload: \(name)(\(x.runtimeType.celName), \(y.runtimeType.celName))")
                    }
                    return .bool(test(order))
                }
            }
        }
        return list
    }

    static func mismatch(_ op: String, _ a: Value, _ b: Value) -> Value {
        .fail(.evalType, "no such overload: \(op)(\(a.runtimeType.celName), \(b.runtimeType.celName))")
    }

    @Sendable static func plus(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .overflow : .int(r)
        case (.double(let x), .double(let y)): return .double(x + y)
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.list(let x), .list(let y)): return .list(ListValue(x.elements + y.elements))
        case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
            return t.adding(d).map(Value.timestamp) ?? .fail(.evalOverflow, "timestamp out of range")
        case (.duration(let x), .duration(let y)): return x.adding(y).map(Value.duration) ?? .fail(.evalOverflow, "duration out of range")
        default: return mismatch("_+_", a, b)
        }
    }

    @Sendable static func minus(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .overflow : .int(r)
        case (.double(let x), .double(let y)): return .double(x - y)
        case (.timestamp(let x), .timestamp(let y)): return x.difference(y).map(Value.duration) ?? .fail(.evalOverflow, "duration out of range")
        case (.timestamp(let t), .duration(let d)): return t.subtracting(d).map(Value.timestamp) ?? .fail(.evalOverflow, "timestamp out of range")
        case (.duration(let x), .duration(let y)): return x.subtracting(y).map(Value.duration) ?? .fail(.evalOverflow, "duration out of range")
        default: return mismatch("_-_", a, b)
        }
    }

    @Sendable static func times(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .overflow : .int(r)
        case (.double(let x), .double(let y)): return .double(x * y)
        default: return mismatch("_*_", a, b)
        }
    }

    @Sendable static func divide(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { return .fail(.evalDivisionByZero, "division by zero") }
            let (r, o) = x.dividedReportingOverflow(by: y)
            return o ? .overflow : .int(r)
        case (.double(let x), .double(let y)): return .double(x / y)
        default: return mismatch("_/_", a, b)
        }
    }

    @Sendable static func modulo(_ a: Value, _ b: Value) -> Value {
        guard case .int(let x) = a, case .int(let y) = b else { return mismatch("_%_", a, b) }
        if y == 0 { return .fail(.evalDivisionByZero, "modulus by zero") }
        let (r, o) = x.remainderReportingOverflow(dividingBy: y)
        return o ? .overflow : .int(r)
    }

    @Sendable static func negate(_ a: Value) -> Value {
        switch a {
        case .int(let x):
            let (r, o) = Int64(0).subtractingReportingOverflow(x)
            return o ? .overflow : .int(r)
        case .double(let x): return .double(-x)
        default: return .fail(.evalType, "no such overload: -_(\(a.runtimeType.celName))")
        }
    }
}
