/// Text forms of values: `displayText` for people and messages (CEL-literal-like),
/// `jsonText` for `appraise eval --format json`.
extension Value {
    /// A short CEL-like rendering: `'abc'`, `12`, `1.5`, `date('2025-01-31')`, `[1, 2]`.
    public var displayText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return Self.doubleText(d)
        case .string(let s): return DebugPrinter.quoted(s)
        case .list(let list): return "[" + list.elements.map(\.displayText).joined(separator: ", ") + "]"
        case .map(let map):
            return "{" + zip(map.keys, map.values).map { "\($0.displayText): \($1.displayText)" }.joined(separator: ", ") + "}"
        case .object(let object):
            let fields = object.type.fields.indices.filter { object.present[$0] }
                .map { "\(object.type.fields[$0].name): \(object.fields[$0].displayText)" }
            return "\(object.type.name){" + fields.joined(separator: ", ") + "}"
        case .timestamp(let t): return "timestamp('\(t.rfc3339)')"
        case .duration(let d): return "duration('\(d.celText)')"
        case .date(let d): return "date('\(d)')"
        case .type(let t): return t.celName
        case .error(let e): return "error(\(e.message))"
        }
    }

    /// A double as CEL prints it: `1.5`, `3.0`, `1e+100`, `NaN`, `+Inf`.
    static func doubleText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return "\(d)"
    }

    /// The type name used in `--format json` output.
    public var jsonTypeName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .string: "string"
        case .list: "list"
        case .map, .object: "map"
        case .timestamp: "timestamp"
        case .duration: "duration"
        case .date: "date"
        case .type: "type"
        case .error: "error"
        }
    }

    /// The value as plain JSON: doubles NaN/±Infinity as strings, timestamps RFC 3339,
    /// durations `"3600s"`, dates `"2025-01-31"`, types by name, map keys as strings.
    public var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d):
            if d.isNaN || d.isInfinite { return "\"" + Self.doubleText(d) + "\"" }
            return "\(d)"
        case .string(let s): return Self.jsonQuoted(s)
        case .list(let list): return "[" + list.elements.map(\.jsonText).joined(separator: ", ") + "]"
        case .map(let map):
            let entries = zip(map.keys, map.values).map { key, value in
                let name: String = if case .string(let s) = key { s } else { key.jsonText }
                return Self.jsonQuoted(name) + ": " + value.jsonText
            }
            return "{" + entries.joined(separator: ", ") + "}"
        case .object(let object):
            let entries = object.type.fields.indices.filter { object.present[$0] }.map {
                Self.jsonQuoted(object.type.fields[$0].name) + ": " + object.fields[$0].jsonText
            }
            return "{" + entries.joined(separator: ", ") + "}"
        case .timestamp(let t): return Self.jsonQuoted(t.rfc3339)
        case .duration(let d): return Self.jsonQuoted(d.celText)
        case .date(let d): return Self.jsonQuoted(d.description)
        case .type(let t): return Self.jsonQuoted(t.celName)
        case .error(let e): return Self.jsonQuoted(e.message)
        }
    }

    /// `{"type": T, "value": V}`, the line `eval --format json` prints.
    public var typedJSONText: String {
        "{\"type\": \"\(jsonTypeName)\", \"value\": \(jsonText)}"
    }

    /// A JSON string literal.
    public static func jsonQuoted(_ s: String) -> String {
        StringQuoting.quoted(s) { scalar in
            guard scalar.value < 0x20 || scalar.value == 0x7F else { return nil }
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
