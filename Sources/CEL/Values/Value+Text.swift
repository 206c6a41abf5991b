import Diagnostics

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
    /// durations `"3600s"`, dates `"2025-01-31"`, types by name, map keys as strings; lists
    /// and maps on one line (`[1, 2]`, `{"a": 1}`).
    public var jsonText: String {
        var writer = JSONWriter(pretty: true)
        write(to: &writer)
        return writer.output
    }

    private func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .int(let i): writer.int(i)
        case .double(let d): writer.double(d)
        case .string(let s): writer.string(s)
        case .list(let list):
            writer.beginArray(oneLine: true)
            for element in list { element.write(to: &writer) }
            writer.endArray()
        case .map(let map):
            writer.beginObject(oneLine: true)
            for (key, value) in zip(map.keys, map.values) {
                let name: String = if case .string(let s) = key { s } else { key.jsonText }
                writer.key(name)
                value.write(to: &writer)
            }
            writer.endObject()
        case .object(let object):
            writer.beginObject(oneLine: true)
            for index in object.type.fields.indices where object.present[index] {
                writer.key(object.type.fields[index].name)
                object.fields[index].write(to: &writer)
            }
            writer.endObject()
        case .timestamp(let t): writer.string(t.rfc3339)
        case .duration(let d): writer.string(d.celText)
        case .date(let d): writer.string(d.description)
        case .type(let t): writer.string(t.celName)
        case .error(let e): writer.string(e.message)
        }
    }

    /// `{"type": T, "value": V}`, the line `eval --format json` prints.
    public var typedJSONText: String {
        var writer = JSONWriter(pretty: true)
        writer.beginObject(oneLine: true)
        writer.field("type", jsonTypeName)
        writer.key("value")
        write(to: &writer)
        writer.endObject()
        return writer.output
    }

    /// A JSON string literal (`JSONWriter.quoted`).
    public static func jsonQuoted(_ s: String) -> String { JSONWriter.quoted(s) }
}
