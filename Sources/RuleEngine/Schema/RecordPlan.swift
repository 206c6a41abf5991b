import CEL
import YAML

/// What validating one record needs, computed once per schema rather than once per value:
/// the nested record of each field (no dictionary lookup by name per object or list item),
/// the record-qualified names messages use, and the shape of each field.
///
/// A class, so that the validator holds it with one reference while it reads the slots.
/// `@unchecked Sendable`: its slot table sits behind a pointer, written only in `init` and
/// read-only afterwards (freed in `deinit`).
final class RecordPlan: @unchecked Sendable {
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
    /// The field names in slot order, which keys are compared with, and "did you mean" hints.
    let fieldNames: [String]
    /// The slot of the first field with a `const` (a document's `format`), nil when none.
    let formatSlot: Int?
    /// Per slot: the codes of an enum field, or of the enum items of a list field (through any
    /// nesting of lists); nil for other fields. Held here for `SlotFacts.codes`.
    private let enumCodes: [EnumCodes?]
    /// Per slot, what the validator reads for every value: one table of plain numbers, read
    /// through a pointer, so that reading a field retains no array, no string and no boxed
    /// `FieldType` (the arrays above are read only on the rarer paths: lists, enums, problems).
    private let table: UnsafeMutablePointer<SlotFacts>
    private let count: Int

    /// What the validator reads of a slot for every value of the field.
    struct SlotFacts {
        let shape: Shape
        let required: Bool
        let nonblank: Bool
        let hasConst: Bool
        let hasDefault: Bool
        /// The scalar kind of a scalar field; nil for records and lists.
        let scalar: ScalarKind?
        /// For a list field, its items' scalar kind (nil for records and lists) and whether
        /// they are lists: no boxed `FieldType` is copied per list.
        let itemKind: ScalarKind?
        let itemsAreLists: Bool
        /// The enum codes of the field or of its innermost list items, unretained: the plan
        /// holds them (`enumCodes`) for as long as the schema lives.
        let codes: Unmanaged<EnumCodes>?
        /// The field name's length and first sixteen bytes, which a key must match (and then,
        /// for a longer name, the rest of its bytes).
        fileprivate let key: UTF8Key
    }

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
        formatSlot = record.fields.firstIndex { $0.const != nil }
        let enumCodes = record.fields.map { field in
            let codes = field.type.innermostElement.enumCodes
            return codes.isEmpty ? nil : EnumCodes(codes)
        }
        self.enumCodes = enumCodes
        count = record.fields.count
        table = .allocate(capacity: max(count, 1))
        for (slot, field) in record.fields.enumerated() {
            var name = field.name
            let key = name.withUTF8 { UTF8Key($0) }
            (table + slot).initialize(to: SlotFacts(
                shape: shapes[slot], required: field.required, nonblank: field.nonblank, hasConst: field.const != nil,
                hasDefault: field.defaultValue != nil, scalar: ScalarKind(field.type),
                itemKind: field.type.listItems.kind, itemsAreLists: field.type.listItems.areLists,
                codes: enumCodes[slot].map { Unmanaged.passUnretained($0) }, key: key))
        }
    }

    deinit {
        table.deinitialize(count: count)
        table.deallocate()
    }

    /// The facts of `slot` (below the field count).
    @inline(__always)
    func facts(_ slot: Int) -> SlotFacts { table[slot] }

    /// The slot whose field name is exactly `key`'s bytes: first `guess` (dossiers mostly list
    /// fields in schema order, so the field after the previous one), then every field.
    func slot(ofKey key: UnsafeBufferPointer<UInt8>, guess: Int) -> Int? {
        let wanted = UTF8Key(key)
        @inline(__always) func isNamed(_ slot: Int) -> Bool {
            table[slot].key == wanted && (wanted.count <= 16 || UTF8Bytes.same(fieldNames[slot], key))
        }
        if guess >= 0, guess < count, isNamed(guess) { return guess }
        for slot in 0..<count where isNamed(slot) { return slot }
        return nil
    }
}
