import Testing
import CEL
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

    /// Every spelling of the null and bool literals in any mix of cases, each with every one
    /// byte changed, cut or added, and a few others: the byte checks agree with `isAnyOf`.
    @Test func literalChecksAgreeWithTheLiteralLists() {
        var texts: [[UInt8]] = [[], Array("~".utf8), Array("~~".utf8), Array("nil".utf8), Array("yes".utf8)]
        for word in ["null", "true", "false"] {
            let letters = Array(word.utf8)
            for mask in 0..<(1 << letters.count) {
                let cased = letters.enumerated().map { index, letter in mask & (1 << index) != 0 ? letter - 0x20 : letter }
                texts.append(cased)
                for index in cased.indices {
                    for byte: UInt8 in [0x20, 0x41, 0x4E, 0x6E, 0x7E, 0xC3, letters[index] ^ 0x01] {
                        var changed = cased
                        changed[index] = byte
                        texts.append(changed)
                    }
                    var cut = cased
                    cut.remove(at: index)
                    texts.append(cut)
                }
                texts.append(cased + [0x20])
                texts.append(cased + cased)
            }
        }
        for text in texts {
            text.withUnsafeBufferPointer { bytes in
                #expect(ScalarTyping.isNullLiteral(bytes) == ScalarTyping.isAnyOf(bytes, ScalarTyping.nullLiterals), "\(text)")
                let expected: Bool? = ScalarTyping.isAnyOf(bytes, ScalarTyping.trueLiterals) ? true
                    : ScalarTyping.isAnyOf(bytes, ScalarTyping.falseLiterals) ? false : nil
                #expect(ScalarTyping.boolLiteral(bytes) == expected, "\(text)")
            }
        }
    }

    /// Integers read with and without the plain-digits shortcut (1 to 18 digits) agree with
    /// `Int64(_:)`, at the edges of the shortcut and of `Int64` too.
    @Test func integersAgreeWithInt64Parsing() {
        var texts = ["", "0", "7", "0042", "-", "+", "-0", "+5", "-5", "12a", "a12", " 1", "1 ", "١٢", "4_500", "_1", "1_"]
        for count in 16...20 {
            texts.append(String(repeating: "9", count: count))
            texts.append("1" + String(repeating: "0", count: count - 1))
            texts.append("-" + String(repeating: "9", count: count))
        }
        texts += ["9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809"]
        for text in texts {
            #expect(ScalarTyping.integer(text, underscores: false) == Int64(text), "\(text)")
        }
        #expect(ScalarTyping.integer("4_500_000_000", underscores: true) == 4_500_000_000)
        #expect(ScalarTyping.integer("4__500", underscores: true) == nil)
        #expect(ScalarTyping.integer("123456789012345678", underscores: true) == 123_456_789_012_345_678)
    }
}
