import CEL
import YAML

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
    /// The field names in slot order, which keys are compared with, and "did you mean" hints.
    let fieldNames: [String]
    /// The slot of the first field with a `const` (a document's `format`), nil when none.
    let formatSlot: Int?
    /// Per slot, the field name's length and first sixteen bytes, which a key must match
    /// (and then, for a longer name, the rest of its bytes).
    private let keys: [FieldKey]

    private struct FieldKey: Equatable {
        let count: Int
        /// Bytes 0..<8 and 8..<16, zero-padded, as little-endian numbers.
        let head: UInt64
        let tail: UInt64

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            count = bytes.count
            (head, tail) = Self.words(bytes)
        }

        private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
            let count = bytes.count
            guard let base = bytes.baseAddress, count >= 4 else {
                var head: UInt64 = 0
                for index in 0..<count { head |= UInt64(bytes[index]) << (8 * UInt64(index)) }
                return (head, 0)
            }
            guard count >= 8 else {
                // Two four-byte words, overlapping on the same bytes.
                func half(at offset: Int) -> UInt64 { UInt64(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self)) }
                return (half(at: 0) | half(at: count - 4) << (8 * UInt64(count - 4)), 0)
            }
            func word(at offset: Int) -> UInt64 { UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) }
            // The tail is the last eight bytes with those already in the head shifted out.
            let tail = count >= 16 ? word(at: 8) : count == 8 ? 0 : word(at: count - 8) >> (8 * UInt64(16 - count))
            return (word(at: 0), tail)
        }
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
        keys = record.fields.map { field in
            var name = field.name
            return name.withUTF8 { FieldKey($0) }
        }
    }

    /// The slot whose field name is exactly `key`'s bytes: first `guess` (dossiers mostly list
    /// fields in schema order, so the field after the previous one), then every field.
    func slot(ofKey key: UnsafeBufferPointer<UInt8>, guess: Int) -> Int? {
        let wanted = FieldKey(key)
        return keys.withUnsafeBufferPointer { keys in
            @inline(__always) func isNamed(_ slot: Int) -> Bool {
                keys[slot] == wanted && (wanted.count <= 16 || UTF8Bytes.same(fieldNames[slot], key))
            }
            if guess < keys.count, isNamed(guess) { return guess }
            for slot in keys.indices where isNamed(slot) { return slot }
            return nil
        }
    }
}
