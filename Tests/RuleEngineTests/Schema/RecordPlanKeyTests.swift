import CEL
import Diagnostics
import Testing
@testable import RuleEngine

/// `RecordPlan.slot(ofKey:guess:)` compares a key's length and first sixteen bytes as
/// numbers: it must find exactly the field whose name has the key's bytes.
struct RecordPlanKeyTests {
    static let names = [
        "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno",
        "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr", "bbcdefghijklmnopq", "nhân_thân", "ngày",
    ]

    static func plan() -> RecordPlan {
        let location = SourceLocation(file: "schema.yaml", line: 1, column: 1)
        let fields = names.map { FieldSpec(name: $0, type: .string, doc: "", location: location) }
        let type = ObjectType(name: "r", fields: names.map { ObjectType.Field(name: $0, type: .string) })
        return RecordPlan(RecordSchema(name: "r", doc: "", fields: fields, objectType: type, location: location), recordIndex: [:])
    }

    /// Every name, and every name with one byte changed, one byte dropped or one added.
    static func keys() -> [[UInt8]] {
        var keys: [[UInt8]] = [[]]
        for name in names {
            let bytes = Array(name.utf8)
            keys.append(bytes)
            keys.append(bytes + [UInt8(ascii: "x")])
            keys.append(Array(bytes.dropLast()))
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 0x01
                keys.append(changed)
            }
        }
        return keys
    }

    @Test func findsExactlyTheFieldOfTheKeysBytes() {
        let plan = Self.plan()
        for key in Self.keys() {
            let expected = Self.names.firstIndex { Array($0.utf8) == key }
            for guess in [0, 5, Self.names.count - 1, Self.names.count] {
                let found = key.withUnsafeBufferPointer { plan.slot(ofKey: $0, guess: guess) }
                #expect(found == expected, "key \(key) guess \(guess)")
            }
        }
    }
}
