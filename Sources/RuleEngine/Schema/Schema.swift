import CEL
import Diagnostics
import YAML

/// The dossier and slate formats as data, loaded from `rules/schema.yaml` (format `schema/1`).
///
/// One file drives the dossier validator, the CEL checker's types and the exported JSON
/// Schema, so an organization can add a field without touching Swift code. Everything the
/// validator needs per record (the key-to-slot table, the nested record of each field) is
/// computed once here, not per dossier.
public struct Schema: Sendable {
    /// The record types in file order, for `appraise schema` and the JSON Schema.
    public let records: [RecordSchema]
    /// The record at the root of a dossier (`documents.dossier`).
    public let dossierType: ObjectType
    /// The record at the root of a slate file (`documents.slate`).
    public let slateFileType: ObjectType
    /// Record index by name, and by object type identity, for nested lookups.
    let recordIndex: [String: Int]
    /// What the validator needs per record, in `records` order.
    let plans: [RecordPlan]
    let dossierRecord: Int
    let slateFileRecord: Int
    /// The record at the root of a decisions file (`documents.decisions`); nil when the schema
    /// describes none.
    let decisionsFileRecord: Int?

    init(records: [RecordSchema], dossierRecord: Int, slateFileRecord: Int, decisionsFileRecord: Int? = nil) {
        self.records = records
        self.dossierRecord = dossierRecord
        self.slateFileRecord = slateFileRecord
        self.decisionsFileRecord = decisionsFileRecord
        self.dossierType = records[dossierRecord].objectType
        self.slateFileType = records[slateFileRecord].objectType
        var index: [String: Int] = [:]
        for (position, record) in records.enumerated() { index[record.name] = position }
        self.recordIndex = index
        self.plans = records.map { RecordPlan($0, recordIndex: index) }
    }

    /// The record schema with this name (`discipline`), nil when the schema has none.
    public func record(named name: String) -> RecordSchema? {
        recordIndex[name].map { records[$0] }
    }

    /// The CEL object type of a record, shared by every value of that record.
    /// Whether the schema describes documents of `kind` (a decisions file is optional).
    public func describes(_ kind: DocumentKind) -> Bool {
        kind != .decisions || decisionsFileRecord != nil
    }

    /// The record position at the root of `kind`; a schema without a decisions record
    /// answers for decisions with its slate record, which `describes` lets callers avoid.
    func rootPosition(of kind: DocumentKind) -> Int {
        switch kind {
        case .dossier: dossierRecord
        case .slate: slateFileRecord
        case .decisions: decisionsFileRecord ?? slateFileRecord
        }
    }

    public func objectType(named name: String) -> ObjectType? {
        record(named: name)?.objectType
    }

    /// The CEL type of a top-level dossier field (`candidate`, `declarations`), which rules
    /// see as a variable; nil when the dossier has no such field.
    public func fieldType(ofDossierField name: String) -> CELType? {
        dossierType.slot(of: name).map { dossierType.fields[$0].type }
    }

    /// The `slate` mapping inside a slate file, which rules see as `slate`. The loader
    /// guarantees that the slate file record has an object field `slate`.
    public var slateType: ObjectType {
        guard let slot = slateFileType.slot(of: "slate"), case .object(let type) = slateFileType.fields[slot].type
        else { return slateFileType }
        return type
    }
}

/// Which root record a document is validated against.
public enum DocumentKind: String, Sendable, Hashable {
    case dossier
    case slate
    /// A file of review decisions (`decisions.md`, format decisions/1).
    case decisions
}

extension FieldType {
    /// The CEL type rules see: money → int, share → double, enum → string, objects by record.
    func celType(records: [String: ObjectType]) -> CELType {
        switch self {
        case .string, .enumeration: .string
        case .int, .money: .int
        case .bool: .bool
        case .date: .date
        case .share: .double
        case .list(let element): .list(element.celType(records: records))
        case .object(let name): records[name].map(CELType.object) ?? .dyn
        }
    }
}
