import CEL
import Diagnostics

/// The declared type of a dossier field, as written in `rules/schema.yaml`.
///
/// It is richer than the CEL type (`money` and `enum` both become CEL `int`/`string`): the
/// validator needs the extra facts (signedness, allowed values) to reject bad data early.
public indirect enum FieldType: Sendable, Hashable, CustomStringConvertible {
    case string
    case int
    case bool
    case date
    /// Whole đồng; negative only when `signed`.
    case money(signed: Bool)
    /// A number from 0 to 1.
    case share
    /// One of the listed codes, in the schema's order.
    case enumeration([String])
    case list(FieldType)
    /// A record of the schema, by name.
    case object(String)

    /// The name used in `schema.yaml` and in `appraise schema` output.
    public var description: String {
        switch self {
        case .string: "string"
        case .int: "int"
        case .bool: "bool"
        case .date: "date"
        case .money(let signed): signed ? "money (signed)" : "money"
        case .share: "share"
        case .enumeration(let values): "enum (" + values.joined(separator: ", ") + ")"
        case .list(let element): "list of \(element)"
        case .object(let record): record
        }
    }

    /// Whether values of this type are YAML scalars (not lists or mappings).
    public var isScalar: Bool {
        switch self {
        case .list, .object: false
        default: true
        }
    }
}

/// One field of a record: its type and the facts the validator and `appraise schema` need.
public struct FieldSpec: Sendable {
    /// The key as written in dossiers (`birth_date`).
    public let name: String
    public let type: FieldType
    /// The one-line description from the schema.
    public let doc: String
    public let required: Bool
    /// The value a missing (or null) field reads as; nil means null. Lists default to `[]`.
    public let defaultValue: Value?
    /// The only text a `string` field may hold (`format: dossier/1`).
    public let const: String?
    /// A `string` field that must hold more than white space (a decision's `reason`).
    public let nonblank: Bool
    /// Where the field is declared in `schema.yaml`.
    public let location: SourceLocation

    public init(
        name: String, type: FieldType, doc: String, required: Bool = false,
        defaultValue: Value? = nil, const: String? = nil, nonblank: Bool = false, location: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.doc = doc
        self.required = required
        self.defaultValue = defaultValue
        self.const = const
        self.nonblank = nonblank
        self.location = location
    }
}

/// A named record type of the schema (`candidate`, `declaration`), its fields in file order.
public struct RecordSchema: Sendable {
    public let name: String
    public let doc: String
    public let fields: [FieldSpec]
    /// The CEL type built from the fields; its slot order is `fields` order.
    public let objectType: ObjectType
    /// Where the record is declared in `schema.yaml`.
    public let location: SourceLocation
}
