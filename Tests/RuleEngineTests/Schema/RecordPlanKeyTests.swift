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

    /// The empty key, every name, and every name with one byte changed, one dropped or one added.
    static func keys() -> [[UInt8]] {
        [[]] + ByteVariants.of(names)
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
