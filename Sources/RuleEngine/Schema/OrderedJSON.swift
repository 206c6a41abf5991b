import Diagnostics
/// A JSON value whose object keys keep their order, so that exported documents (the JSON
/// Schema) are byte-identical from run to run and read in the order of `schema.yaml`.
///
/// A tree rather than a stream because the exporter builds documents out of parts and the
/// tests read them back by key; it is written out by `JSONWriter`.
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
    /// in a newline; `indent: nil` gives the one-line form `{"a": 1, "b": [2, 3]}` without
    /// the newline. Written by the project's one `JSONWriter`.
    public func rendered(indent: Int? = 2) -> String {
        var writer = JSONWriter(pretty: true)
        write(to: &writer, oneLine: indent == nil)
        return writer.output + (indent == nil ? "" : "\n")
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func write(to writer: inout JSONWriter, oneLine: Bool) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .int(let value): writer.int(value)
        case .double(let value): if value.isFinite { writer.double(value) } else { writer.null() }
        case .string(let text): writer.string(text)
        case .array(let items):
            writer.beginArray(oneLine: oneLine || items.allSatisfy(\.isScalar))
            for item in items { item.write(to: &writer, oneLine: oneLine) }
            writer.endArray()
        case .object(let members):
            writer.beginObject(oneLine: oneLine)
            for member in members {
                writer.key(member.key)
                member.value.write(to: &writer, oneLine: oneLine)
            }
            writer.endObject()
        }
    }
}
