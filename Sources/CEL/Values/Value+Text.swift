import Diagnostics

/// Text forms of values: `displayText` for people and messages (CEL-literal-like),
/// `jsonText` for `appraise eval --format json`.
extension Value {
    /// A short CEL-like rendering: `'abc'`, `12`, `1.5`, `date('2025-01-31')`, `[1, 2]`.
    public var displayText: String {
        var bytes: [UInt8] = []
        appendDisplayText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `displayText`'s UTF-8 bytes: a finding's comparisons write every value they show
    /// into one buffer, and joining strings part by part cost more than the rest of the text.
    public func appendDisplayText(to bytes: inout [UInt8]) {
        switch self {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): DecimalDigits.append(i, to: &bytes)
        case .double(let d): bytes.append(contentsOf: Self.doubleText(d).utf8)
        case .string(let s): JSONWriter.appendQuoted(s, to: &bytes)
        case .list(let list):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in list.elements.enumerated() {
                if index > 0 { bytes.append(contentsOf: ", ".utf8) }
                element.appendDisplayText(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .map(let map):
            bytes.append(UInt8(ascii: "{"))
            for (index, (key, value)) in zip(map.keys, map.values).enumerated() {
                if index > 0 { bytes.append(contentsOf: ", ".utf8) }
                key.appendDisplayText(to: &bytes)
                bytes.append(contentsOf: ": ".utf8)
                value.appendDisplayText(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case .object(let object):
            bytes.append(contentsOf: object.type.name.utf8)
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for slot in object.type.fields.indices where object.present[slot] {
                if !first { bytes.append(contentsOf: ", ".utf8) }
                first = false
                bytes.append(contentsOf: object.type.fields[slot].name.utf8)
                bytes.append(contentsOf: ": ".utf8)
                object.fields[slot].appendDisplayText(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case .timestamp(let t): Self.appendCall("timestamp", t.rfc3339, to: &bytes)
        case .duration(let d): Self.appendCall("duration", d.celText, to: &bytes)
        case .date(let d): Self.appendCall("date", d.description, to: &bytes)
        case .type(let t): bytes.append(contentsOf: t.celName.utf8)
        case .error(let e):
            bytes.append(contentsOf: "error(".utf8)
            bytes.append(contentsOf: e.message.utf8)
            bytes.append(UInt8(ascii: ")"))
        }
    }

    /// `name('argument')`.
    private static func appendCall(_ name: StaticString, _ argument: String, to bytes: inout [UInt8]) {
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: "('".utf8)
        bytes.append(contentsOf: argument.utf8)
        bytes.append(contentsOf: "')".utf8)
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
