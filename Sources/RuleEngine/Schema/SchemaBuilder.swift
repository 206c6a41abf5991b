import CEL
import Diagnostics
import YAML

/// The second pass over `schema.yaml`: resolves record names, rejects cycles, builds one
/// shared `ObjectType` per record (nested records first) and types the defaults.
struct SchemaBuilder {
    var diagnostics: [Diagnostic] = []
    private let raw: [RawRecord]
    private var index: [String: Int] = [:]
    private var types: [String: ObjectType] = [:]
    /// 0 unvisited, 1 on the current path, 2 built.
    private var state: [Int]

    init(records: [RawRecord]) {
        self.raw = records
        self.state = Array(repeating: 0, count: records.count)
        for (position, record) in records.enumerated() where index[record.name] == nil {
            index[record.name] = position
        }
    }

    mutating func build(
        dossier: (name: String, node: Node), slate: (name: String, node: Node), decisions: (name: String, node: Node)? = nil
    ) -> Schema? {
        checkReferences()
        guard diagnostics.isEmpty else { return nil }
        var stack: [Int] = []
        for position in raw.indices { visit(position, stack: &stack) }
        guard diagnostics.isEmpty else { return nil }
        var records: [RecordSchema] = []
        for record in raw { records.append(recordSchema(record)) }
        guard let dossierRecord = documentRecord(dossier, kind: "dossier"),
            let slateRecord = documentRecord(slate, kind: "slate")
        else { return nil }
        let slateField = records[slateRecord].fields.first { $0.name == "slate" }
        if case .object? = slateField?.type {} else {
            diagnostics.append(SchemaFileMessages.invalid(
                "the slate document record must have an object field 'slate'", at: slate.node, path: "documents.slate"))
        }
        let decisionsRecord = decisions.flatMap { documentRecord($0, kind: "decisions") }
        guard diagnostics.isEmpty else { return nil }
        return Schema(
            records: records, dossierRecord: dossierRecord, slateFileRecord: slateRecord, decisionsFileRecord: decisionsRecord)
    }

    private mutating func documentRecord(_ root: (name: String, node: Node), kind: String) -> Int? {
        if let position = index[root.name] { return position }
        diagnostics.append(SchemaFileMessages.unknownRecord(
            root.name, at: root.node, path: "documents." + kind, records: raw.map(\.name)))
        return nil
    }

    /// Every record a field names exists.
    private mutating func checkReferences() {
        for record in raw {
            for field in record.fields {
                guard let name = field.type.recordName, index[name] == nil else { continue }
                diagnostics.append(SchemaFileMessages.unknownRecord(
                    name, at: field.node["of"] ?? field.node, path: record.name + "." + field.name,
                    records: raw.map(\.name)))
            }
        }
    }

    /// Builds the object type of a record after those it contains; reports a cycle.
    private mutating func visit(_ position: Int, stack: inout [Int]) {
        if state[position] == 2 { return }
        if state[position] == 1 {
            let start = stack.firstIndex(of: position) ?? 0
            let names = stack[start...].map { raw[$0].name } + [raw[position].name]
            diagnostics.append(SchemaFileMessages.cycle(names, at: raw[position].location))
            return
        }
        state[position] = 1
        stack.append(position)
        for field in raw[position].fields {
            if let name = field.type.recordName, let next = index[name] { visit(next, stack: &stack) }
        }
        stack.removeLast()
        state[position] = 2
        let record = raw[position]
        let fields = record.fields.map {
            ObjectType.Field(name: $0.name, type: $0.type.celType(records: types), doc: $0.doc)
        }
        types[record.name] = ObjectType(name: record.name, fields: fields)
    }

    private mutating func recordSchema(_ record: RawRecord) -> RecordSchema {
        let fields = record.fields.map { field in
            FieldSpec(
                name: field.name, type: field.type, doc: field.doc, required: field.required,
                defaultValue: defaultValue(field, record: record.name), const: field.const,
                nonblank: field.nonblank, location: field.keyLocation)
        }
        // `types` holds every record once `visit` has run without a cycle.
        let type = types[record.name] ?? ObjectType(name: record.name, fields: [])
        return RecordSchema(name: record.name, doc: record.doc, fields: fields, objectType: type, location: record.location)
    }

    /// The typed `default:` of a field; lists without one default to `[]`.
    private mutating func defaultValue(_ field: RawField, record: String) -> Value? {
        let path = record + "." + field.name
        guard let node = field.defaultNode else {
            if case .list = field.type { return .list(ListValue([])) }
            return nil
        }
        switch field.type {
        case .object:
            diagnostics.append(SchemaFileMessages.invalid("object fields take no default", at: node, path: path))
            return nil
        case .list(let element):
            guard let items = node.sequence else {
                diagnostics.append(SchemaFileMessages.kind(node, expected: "a list", at: path + ".default"))
                return nil
            }
            var values: [Value] = []
            for item in items {
                if let value = scalarDefault(item, type: element, path: path) { values.append(value) }
            }
            return .list(ListValue(values))
        default:
            return scalarDefault(node, type: field.type, path: path)
        }
    }

    private mutating func scalarDefault(_ node: Node, type: FieldType, path: String) -> Value? {
        guard let scalar = node.scalar, type.isScalar,
            case .value(let value) = ScalarTyping.convert(scalar, as: type)
        else {
            diagnostics.append(SchemaFileMessages.invalid("the default is not a valid \(type)", at: node, path: path))
            return nil
        }
        return value
    }
}

extension FieldType {
    /// The record this field contains, directly or as list elements.
    var recordName: String? {
        switch self {
        case .object(let name): name
        case .list(let element): element.recordName
        default: nil
        }
    }
}
