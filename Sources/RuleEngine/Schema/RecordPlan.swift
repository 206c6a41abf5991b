import CEL

/// What validating one record needs, computed once per schema rather than once per value:
/// the nested record of each field (no dictionary lookup by name per object or list item),
/// the record-qualified names messages use, and the shape of each field.
///
/// A class, so that the validator holds it with one reference while it reads the slots.
final class RecordPlan: Sendable {
    /// How a field's value is read.
    enum Shape: Sendable {
        case scalar
        case object
        case list
    }

    let name: String
    let type: ObjectType
    let fields: [FieldSpec]
    /// Per slot: the shape of the field's value.
    let shapes: [Shape]
    /// Per slot: the position of the record in objects or items of the field (through any
    /// nesting of lists), -1 when the field holds no records or names an unknown record.
    let nestedRecords: [Int]
    /// Per slot: `record.field`.
    let qualifiedNames: [String]
    /// The field names in slot order, for "did you mean" hints.
    let fieldNames: [String]
    /// The field names' UTF-8 in slot order, which keys are compared with as bytes.
    let fieldNameUTF8: [[UInt8]]
    /// The slot of the first field with a `const` (a document's `format`), nil when none.
    let formatSlot: Int?

    init(_ record: RecordSchema, recordIndex: [String: Int]) {
        name = record.name
        type = record.objectType
        fields = record.fields
        shapes = record.fields.map { field in
            switch field.type {
            case .object: .object
            case .list: .list
            default: .scalar
            }
        }
        nestedRecords = record.fields.map { field in field.type.recordName.flatMap { recordIndex[$0] } ?? -1 }
        qualifiedNames = record.fields.map { record.name + "." + $0.name }
        fieldNames = record.fields.map(\.name)
        fieldNameUTF8 = record.fields.map { Array($0.name.utf8) }
        formatSlot = record.fields.firstIndex { $0.const != nil }
    }
}
