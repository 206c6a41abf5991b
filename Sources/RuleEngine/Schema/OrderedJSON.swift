/// A JSON value whose object keys keep their order, so that exported documents (the JSON
/// Schema) are byte-identical from run to run and read in the order of `schema.yaml`.
///
/// RuleEngine cannot use the report writer (Reports sits above it), and the exporter needs
/// only this small, dependency-free value with a pretty printer.
public indirect enum OrderedJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])

    public static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rendered(indent: nil))
    }

    /// The member `key` of an object, nil otherwise.
    public subscript(key: String) -> OrderedJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Pretty-printed with two-space indentation (arrays of scalars stay on one line), ending
    /// in a newline; `indent: nil` gives the compact one-line form without the newline.
    public func rendered(indent: Int? = 2) -> String {
        var output = ""
        write(to: &output, indent: indent, level: 0)
        if indent != nil { output += "\n" }
        return output
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func write(to output: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += value.isFinite ? "\(value)" : "null"
        case .string(let text): Self.quote(text, into: &output)
        case .array(let items):
            writeArray(items, to: &output, indent: indent, level: level)
        case .object(let members):
            writeObject(members, to: &output, indent: indent, level: level)
        }
    }

    private func writeArray(_ items: [OrderedJSON], to output: inout String, indent: Int?, level: Int) {
        guard let indent, !items.isEmpty, !items.allSatisfy(\.isScalar) else {
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += ", " }
                item.write(to: &output, indent: indent, level: level + 1)
            }
            output += "]"
            return
        }
        let inner = String(repeating: " ", count: indent * (level + 1))
        output += "[\n"
        for (position, item) in items.enumerated() {
            output += inner
            item.write(to: &output, indent: indent, level: level + 1)
            output += position == items.count - 1 ? "\n" : ",\n"
        }
        output += String(repeating: " ", count: indent * level) + "]"
    }

    private func writeObject(_ members: [(key: String, value: OrderedJSON)], to output: inout String, indent: Int?, level: Int) {
        guard let indent, !members.isEmpty else {
            output += "{"
            for (position, member) in members.enumerated() {
                if position > 0 { output += ", " }
                Self.quote(member.key, into: &output)
                output += ": "
                member.value.write(to: &output, indent: indent, level: level + 1)
            }
            output += "}"
            return
        }
        let inner = String(repeating: " ", count: indent * (level + 1))
        output += "{\n"
        for (position, member) in members.enumerated() {
            output += inner
            Self.quote(member.key, into: &output)
            output += ": "
            member.value.write(to: &output, indent: indent, level: level + 1)
            output += position == members.count - 1 ? "\n" : ",\n"
        }
        output += String(repeating: " ", count: indent * level) + "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest
    /// (Vietnamese letters included) written as UTF-8.
    static func quote(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
