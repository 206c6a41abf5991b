import Testing
@testable import RuleEngine
import YAML

/// The constants the typing core reads on every scalar stay in step with what they stand for.
struct ScalarTypingTests {
    @Test func nullLiteralMaxCountIsTheLongestNullLiteral() {
        #expect(ScalarTyping.nullLiteralMaxCount == ScalarTyping.nullLiterals.map(\.utf8CodeUnitCount).max())
    }

    @Test func everyNullLiteralAndNoLongerTextIsNull() {
        for literal in ScalarTyping.nullLiterals {
            let isNull = literal.withUTF8Buffer { ScalarTyping.isNull($0, style: .plain, tag: nil) }
            #expect(isNull, "\(literal)")
        }
        for text in ["nulls", "NULL ", "~~", "none", "Nil"] {
            let isNull = Array(text.utf8).withUnsafeBufferPointer { ScalarTyping.isNull($0, style: .plain, tag: nil) }
            #expect(!isNull, "\(text)")
        }
    }
}
