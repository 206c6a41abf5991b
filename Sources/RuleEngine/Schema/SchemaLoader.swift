import CEL
import Diagnostics
import YAML

/// A field as read from `schema.yaml`, before record names are resolved to object types.
struct RawField {
    var name: String
    var type: FieldType
    var doc: String
    var required: Bool
    var defaultNode: Node?
    var const: String?
    var nonblank: Bool
    /// The field's spec node (errors about the field point here).
    var node: Node
    var keyLocation: SourceLocation
}

/// A record as read from `schema.yaml`.
struct RawRecord {
    var name: String
    var doc: String
    var fields: [RawField]
    var location: SourceLocation
}

extension FieldType {
    var isMoney: Bool {
        if case .money = self { return true }
        return false
    }
}

extension Schema {
    /// Reads a `schema/1` document. Every problem is reported with its location; the schema
    /// is nil when any of them is an error.
    public static func load(_ document: Node, file: String) -> (Schema?, [Diagnostic]) {
        var reader = SchemaFileReader()
        let raw = reader.readDocument(document)
        guard let raw, reader.diagnostics.isEmpty else { return (nil, reader.diagnostics) }
        var builder = SchemaBuilder(records: raw.records)
        let schema = builder.build(dossier: raw.dossier, slate: raw.slate, decisions: raw.decisions)
        return (builder.diagnostics.isEmpty ? schema : nil, builder.diagnostics)
    }
}

/// The first pass over `schema.yaml`: shapes, keys and type names; collects every problem.
struct SchemaFileReader {
    var diagnostics: [Diagnostic] = []

    static let topKeys = ["format", "documents", "records"]
    static let recordKeys = ["doc", "fields"]
    static let fieldKeys = ["type", "doc", "required", "default", "values", "of", "signed", "const", "nonblank"]

    struct Document {
        var records: [RawRecord]
        var dossier: (name: String, node: Node)
        var slate: (name: String, node: Node)
        /// `documents.decisions`, optional: the root of a decisions file (`decisions.md`).
        var decisions: (name: String, node: Node)?
    }

    mutating func readDocument(_ root: Node) -> Document? {
        guard mappingPairs(root, path: "the schema", allowed: Self.topKeys, pathPrefix: "") != nil else {
            return nil
        }
        let formatNode = root["format"]
        if formatNode?.scalar?.text != "schema/1" {
            diagnostics.append(SchemaFileMessages.format(formatNode?.scalar?.text, at: formatNode ?? root))
        }
        var dossier: (name: String, node: Node)?
        var slate: (name: String, node: Node)?
        var decisions: (name: String, node: Node)?
        if let documents = required("documents", in: root, path: ""),
            mappingPairs(documents, path: "documents", allowed: ["dossier", "slate", "decisions"], pathPrefix: "documents")
                != nil
        {
            dossier = documentRoot("dossier", in: documents)
            slate = documentRoot("slate", in: documents)
            if documents["decisions"] != nil { decisions = documentRoot("decisions", in: documents) }
        }
        guard let recordsNode = required("records", in: root, path: "") else { return nil }
        guard let recordPairs = mappingPairs(recordsNode, path: "records", allowed: nil, pathPrefix: "records") else {
            return nil
        }
        var records: [RawRecord] = []
        for pair in recordPairs {
            guard let name = pair.key.scalar?.text else { continue }
            if let record = readRecord(name: name, node: pair.value, key: pair.key) { records.append(record) }
        }
        guard let dossier, let slate else { return nil }
        return Document(records: records, dossier: dossier, slate: slate, decisions: decisions)
    }

    private mutating func documentRoot(_ kind: String, in documents: Node) -> (name: String, node: Node)? {
        guard let node = required(kind, in: documents, path: "documents") else { return nil }
        guard let name = node.scalar?.text else {
            diagnostics.append(SchemaFileMessages.kind(node, expected: "a record name", at: "documents." + kind))
            return nil
        }
        return (name, node)
    }

    private mutating func readRecord(name: String, node: Node, key: Node) -> RawRecord? {
        let path = "records." + name
        guard mappingPairs(node, path: path, allowed: Self.recordKeys, pathPrefix: path) != nil else { return nil }
        let doc = node["doc"]?.scalar?.text ?? ""
        guard let fieldsNode = required("fields", in: node, path: path),
            let fieldPairs = mappingPairs(fieldsNode, path: path + ".fields", allowed: nil, pathPrefix: path)
        else { return nil }
        var fields: [RawField] = []
        for pair in fieldPairs {
            guard let fieldName = pair.key.scalar?.text else { continue }
            let fieldPath = name + "." + fieldName
            guard isIdentifier(fieldName) else {
                diagnostics.append(SchemaFileMessages.invalid("a field name must be letters, digits and _", at: pair.key, path: fieldPath))
                continue
            }
            if let field = readField(name: fieldName, node: pair.value, path: fieldPath, named: true) {
                fields.append(RawField(
                    name: fieldName, type: field.type, doc: field.doc, required: field.required,
                    defaultNode: field.defaultNode, const: field.const, nonblank: field.nonblank, node: pair.value,
                    keyLocation: pair.key.start))
            }
        }
        return RawRecord(name: name, doc: doc, fields: fields, location: key.start)
    }

    /// Reads one field spec (or an inline list element spec when `named` is false).
    private mutating func readField(name: String, node: Node, path: String, named: Bool) -> RawField? {
        guard mappingPairs(node, path: path, allowed: Self.fieldKeys, pathPrefix: path) != nil else { return nil }
        let doc = node["doc"]?.scalar?.text
        if named, doc == nil { diagnostics.append(SchemaFileMessages.missing("doc", in: node, at: path)) }
        guard let typeNode = required("type", in: node, path: path) else { return nil }
        guard let type = readType(typeNode, spec: node, path: path) else { return nil }
        let required = flag("required", in: node, path: path)
        let const = node["const"]
        if let const, !(type == .string && const.scalar != nil) {
            diagnostics.append(SchemaFileMessages.invalid("const applies to string fields only and must be text", at: const, path: path))
        }
        let nonblank = flag("nonblank", in: node, path: path)
        if nonblank, type != .string {
            diagnostics.append(SchemaFileMessages.invalid("nonblank applies to string fields only", at: node, path: path))
        }
        if let signed = node["signed"], !type.isMoney {
            diagnostics.append(SchemaFileMessages.invalid("signed applies to money fields only", at: signed, path: path))
        }
        return RawField(
            name: name, type: type, doc: doc ?? "", required: required, defaultNode: node["default"],
            const: const?.scalar?.text, nonblank: nonblank, node: node, keyLocation: node.start)
    }

    private mutating func readType(_ typeNode: Node, spec: Node, path: String) -> FieldType? {
        guard let text = typeNode.scalar?.text, let name = FieldTypeName(rawValue: text) else {
            diagnostics.append(SchemaFileMessages.unknownType(typeNode.scalar?.text ?? typeNode.kindName, at: typeNode, path: path))
            return nil
        }
        if spec["values"] != nil, name != .enum {
            diagnostics.append(SchemaFileMessages.invalid("values applies to enum fields only", at: spec["values"] ?? spec, path: path))
        }
        if spec["of"] != nil, name != .list, name != .object {
            diagnostics.append(SchemaFileMessages.invalid("of applies to list and object fields only", at: spec["of"] ?? spec, path: path))
        }
        switch name {
        case .string: return .string
        case .int: return .int
        case .bool: return .bool
        case .date: return .date
        case .share: return .share
        case .money: return .money(signed: flag("signed", in: spec, path: path))
        case .enum: return enumValues(spec, path: path).map(FieldType.enumeration)
        case .object:
            guard let of = required("of", in: spec, path: path) else { return nil }
            guard let record = of.scalar?.text else {
                diagnostics.append(SchemaFileMessages.kind(of, expected: "a record name", at: path + ".of"))
                return nil
            }
            return .object(record)
        case .list:
            guard let of = required("of", in: spec, path: path) else { return nil }
            return elementType(of, path: path).map(FieldType.list)
        }
    }

    /// `of:` of a list: a scalar type name, a record name, or an inline spec.
    private mutating func elementType(_ of: Node, path: String) -> FieldType? {
        if of.mapping != nil {
            return readField(name: "", node: of, path: path + "[]", named: false)?.type
        }
        guard let text = of.scalar?.text else {
            diagnostics.append(SchemaFileMessages.kind(of, expected: "a type name or a field spec", at: path + ".of"))
            return nil
        }
        switch FieldTypeName(rawValue: text) {
        case .string?: return .string
        case .int?: return .int
        case .bool?: return .bool
        case .date?: return .date
        case .share?: return .share
        case .money?: return .money(signed: false)
        case .enum?, .list?, .object?:
            diagnostics.append(SchemaFileMessages.invalid("'\(text)' needs an inline spec under of", at: of, path: path))
            return nil
        case nil: return .object(text)
        }
    }

    private mutating func enumValues(_ spec: Node, path: String) -> [String]? {
        guard let node = required("values", in: spec, path: path) else { return nil }
        guard let items = node.sequence, !items.isEmpty else {
            diagnostics.append(SchemaFileMessages.kind(node, expected: "a non-empty list of codes", at: path + ".values"))
            return nil
        }
        var values: [String] = []
        for item in items {
            guard let text = item.scalar?.text else {
                diagnostics.append(SchemaFileMessages.kind(item, expected: "a code", at: path + ".values"))
                continue
            }
            values.append(text)
        }
        return values
    }

    private mutating func flag(_ key: String, in spec: Node, path: String) -> Bool {
        guard let node = spec[key] else { return false }
        switch node.scalar?.text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(SchemaFileMessages.invalid("\(key) must be true or false", at: node, path: path))
            return false
        }
    }

    private mutating func required(_ key: String, in node: Node, path: String) -> Node? {
        if let value = node[key] { return value }
        diagnostics.append(SchemaFileMessages.missing(key, in: node, at: path))
        return nil
    }

    /// The pairs of a mapping node; reports a wrong kind and, when `allowed` is given, unknown keys.
    private mutating func mappingPairs(_ node: Node, path: String, allowed: [String]?, pathPrefix: String) -> [Node.Pair]? {
        guard let pairs = node.mapping else {
            diagnostics.append(SchemaFileMessages.kind(node, expected: "a mapping", at: path))
            return nil
        }
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                diagnostics.append(SchemaFileMessages.kind(pair.key, expected: "a text key", at: path))
                continue
            }
            if let allowed, !allowed.contains(key) {
                diagnostics.append(SchemaFileMessages.unknownKey(key, at: pair.key, path: pathPrefix.isEmpty ? "schema" : pathPrefix, expected: allowed))
            }
        }
        return pairs
    }

    private func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.utf8.allSatisfy {
            $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }
}
