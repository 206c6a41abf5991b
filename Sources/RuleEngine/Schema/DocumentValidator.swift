import CEL
import Diagnostics
import YAML

/// Walks one document against the schema, building typed values and collecting every
/// problem. On the hot path of screening: slots come from the record's precomputed table,
/// path strings are built for objects and lists (their origins) but for scalars only when a
/// problem is reported, and nothing here uses Foundation.
struct DocumentValidator {
    let schema: Schema
    let strict: Bool
    var diagnostics = DiagnosticList()
    /// Whether any error was seen, counted even past the diagnostic cap.
    var sawError = false

    init(schema: Schema, strict: Bool) {
        self.schema = schema
        self.strict = strict
    }

    mutating func report(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { sawError = true }
        diagnostics.append(diagnostic)
    }

    /// A record from a mapping node; nil (with a diagnostic) when the node is not a mapping.
    mutating func object(_ node: Node, record position: Int, path: String, field: @autoclosure () -> String) -> ObjectValue? {
        let record = schema.records[position]
        guard let pairs = node.mapping else {
            report(SchemaMessages.kind(node, expected: "a mapping", field: field(), path: path))
            return nil
        }
        let type = record.objectType
        let count = record.fields.count
        var values = [Value](repeating: .null, count: count)
        var present = [Bool](repeating: false, count: count)
        var seen = [Bool](repeating: false, count: count)
        var origins = [ValueOrigin?](repeating: nil, count: count)
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                report(SchemaMessages.kind(pair.key, expected: "a field name", field: record.name, path: path))
                continue
            }
            guard let slot = type.slot(of: key) else {
                report(SchemaMessages.unknownField(
                    key, record: record.name, at: pair.key, path: Self.joinAny(path, key),
                    known: record.fields.map(\.name), strict: strict))
                continue
            }
            // A duplicate key was already reported by the YAML loader; the first one counts.
            guard !seen[slot] else { continue }
            seen[slot] = true
            let spec = record.fields[slot]
            guard let value = fieldValue(pair.value, spec: spec, record: record.name, path: path) else { continue }
            values[slot] = value
            present[slot] = true
            if spec.type.isScalar { origins[slot] = ValueOrigin(location: pair.value.start, path: spec.name) }
        }
        for slot in 0..<count where !present[slot] {
            let spec = record.fields[slot]
            if !seen[slot], spec.required {
                report(missing(spec, record: record.name, in: node, path: path))
            }
            values[slot] = spec.defaultValue ?? .null
        }
        return ObjectValue(
            type: type, fields: values, present: present, origin: ValueOrigin(location: node.start, path: path),
            fieldOrigins: origins)
    }

    private func missing(_ spec: FieldSpec, record: String, in node: Node, path: String) -> Diagnostic {
        let fieldPath = Self.join(path, spec.name)
        if let const = spec.const {
            return SchemaMessages.format(name: spec.name, const: const, found: nil, at: node, path: fieldPath)
        }
        return SchemaMessages.missing(field: record + "." + spec.name, at: node, path: fieldPath)
    }

    /// The value of one field; nil when it is absent (null) or invalid (reported).
    private mutating func fieldValue(_ node: Node, spec: FieldSpec, record: String, path: String) -> Value? {
        if let scalar = node.scalar, ScalarTyping.isNull(scalar) {
            if spec.required {
                report(SchemaMessages.null(field: record + "." + spec.name, at: node, path: Self.join(path, spec.name)))
            }
            return nil
        }
        switch spec.type {
        case .object(let name):
            guard let position = schema.recordIndex[name] else { return nil }
            return object(node, record: position, path: Self.join(path, spec.name), field: record + "." + spec.name)
                .map(Value.object)
        case .list(let element):
            return list(node, element: element, path: Self.join(path, spec.name), field: record + "." + spec.name)
                .map(Value.list)
        default:
            guard let value = scalar(node, type: spec.type, field: record + "." + spec.name, path: Self.join(path, spec.name))
            else { return nil }
            if let const = spec.const, case .string(let text) = value, text != const {
                report(SchemaMessages.format(name: spec.name, const: const, found: text, at: node, path: Self.join(path, spec.name)))
                return nil
            }
            return value
        }
    }

    private mutating func list(_ node: Node, element: FieldType, path: String, field: String) -> ListValue? {
        guard let items = node.sequence else {
            report(SchemaMessages.kind(node, expected: "a list", field: field, path: path))
            return nil
        }
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            if let value = listItem(item, element: element, path: path, index: index, field: field) {
                values.append(value)
            }
        }
        return ListValue(values, origin: ValueOrigin(location: node.start, path: path))
    }

    private mutating func listItem(_ item: Node, element: FieldType, path: String, index: Int, field: String) -> Value? {
        switch element {
        case .object(let name):
            guard let position = schema.recordIndex[name] else { return nil }
            return object(item, record: position, path: path + "[\(index)]", field: field).map(Value.object)
        case .list(let inner):
            return list(item, element: inner, path: path + "[\(index)]", field: field).map(Value.list)
        default:
            if let scalar = item.scalar, ScalarTyping.isNull(scalar) {
                report(SchemaMessages.nullItem(expected: element, field: field, at: item, path: path + "[\(index)]"))
                return nil
            }
            return scalar(item, type: element, field: field, path: path + "[\(index)]")
        }
    }

    /// A scalar field value; `path` is an autoclosure so that it is built only on a problem.
    private mutating func scalar(_ node: Node, type: FieldType, field: @autoclosure () -> String, path: @autoclosure () -> String) -> Value? {
        guard let scalar = node.scalar else {
            report(SchemaMessages.kind(node, expected: "a \(type) scalar", field: field(), path: path()))
            return nil
        }
        switch ScalarTyping.convert(scalar, as: type) {
        case .value(let value): return value
        case .null: return nil
        case .problem(let problem):
            report(SchemaMessages.scalar(problem, text: scalar.text, field: field(), at: node, path: path()))
            return nil
        }
    }

    /// `parent.key`, or `key` at the root, for schema field names (always identifiers).
    static func join(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : parent + "." + key
    }

    /// `join` for any key as written: keys that are not identifiers are quoted as in `NodePath`.
    static func joinAny(_ parent: String, _ key: String) -> String {
        let step = NodePath(components: [.key(key)]).description
        if parent.isEmpty || step.hasPrefix("[") { return parent + step }
        return parent + "." + step
    }
}
