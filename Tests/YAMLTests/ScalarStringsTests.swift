import Testing
import YAML

/// The event reader makes its scalar `String`s without validating libyaml's bytes again and
/// shares repeated long texts: the strings must still be exactly what validation gives.
@Suite struct ScalarStringsTests {
    /// Every scalar of `text` as the reader makes it, with the bytes libyaml handed out.
    private func scalars(_ text: String, strings: ScalarStringTable? = nil) -> [(text: String, bytes: [UInt8])]? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { buffer in
            YAMLEventReader.read(bytes: buffer, file: "t.yaml", limits: .default, strings: strings) {
                reader throws(YAMLEventReader.Fallback) in
                var found: [(String, [UInt8])] = []
                var depth = 0
                repeat {
                    switch try reader.next() {
                    case .scalar: found.append((reader.scalarText(), reader.withScalarBytes { Array($0) }))
                    case .mappingStart, .sequenceStart: depth += 1
                    case .mappingEnd, .sequenceEnd: depth -= 1
                    }
                } while depth > 0
                return found
            }
        }
    }

    private func expectValidated(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let found = scalars(text) else {
            Issue.record("the reader gave up on \(text.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        #expect(!found.isEmpty, sourceLocation: sourceLocation)
        for (made, bytes) in found {
            let validated = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
            #expect(validated != nil, "libyaml gave invalid UTF-8: \(bytes)", sourceLocation: sourceLocation)
            #expect(Array(made.utf8) == bytes, sourceLocation: sourceLocation)
            #expect(made == validated, sourceLocation: sourceLocation)
            #expect(made.unicodeScalars.count == validated?.unicodeScalars.count, sourceLocation: sourceLocation)
            #expect(made._classify()._isASCII == validated?._classify()._isASCII, sourceLocation: sourceLocation)
        }
    }

    @Test func escapesAreValidUTF8() {
        expectValidated(#"a: "\x41\xe9\xff \u00e9\u20ac\U0001F600 \0 \t \N \_ \L \P \e end of a long text""# + "\n")
        expectValidated(#"- "\x7f\x80 short""# + "\n" + #"- "\uFFFD\uFEFF\U0010FFFF""# + "\n")
    }

    @Test func lineBreaksAndNonASCIIAreValidUTF8() {
        expectValidated("a: Tiền gửi tiết kiệm tại ngân hàng\n  thương mại\nb: |\n  dòng một\n  dòng hai\n")
        expectValidated("a: 'it''s a single-quoted text, long enough'\r\nb: >\r\n  folded\r\n  lines\u{2028}  here\r\n")
        expectValidated("a: \"NEL\u{85}inside a quoted scalar that is long\"\nb: ASCII only text longer than fifteen\n")
        expectValidated("- \(String(repeating: "ễ", count: 300))\n- \(String(repeating: "x", count: 300))\n")
    }

    @Test func escapedSurrogatesSendTheFileToTheTree() {
        #expect(scalars(#"a: "\ud800 text""# + "\n") == nil)
        #expect(scalars(#"a: "\U00110000""# + "\n") == nil)
    }

    @Test func repeatedLongTextsShareOneString() throws {
        let found = try #require(scalars("- Thu nhập hợp pháp\n- Thu nhập hợp pháp\n- Thu nhập khác\n- short\n- short\n"))
        let texts = found.map(\.text)
        #expect(texts == ["Thu nhập hợp pháp", "Thu nhập hợp pháp", "Thu nhập khác", "short", "short"])
        #expect(storage(texts[0]) == storage(texts[1]))
        #expect(storage(texts[0]) != storage(texts[2]))
    }

    /// The two words of a `String`: equal for two strings only when they share their storage
    /// (or are the same small string).
    private func storage(_ text: String) -> [UInt64] {
        withUnsafeBytes(of: text) { Array($0.bindMemory(to: UInt64.self)) }
    }

    /// A table given to the reader is kept across documents: a long text met in an earlier
    /// document is the same string, and every text still reads as its bytes.
    @Test func aCallersTableSharesLongTextsAcrossDocuments() throws {
        let first = "a: một đoạn văn bản dài lặp lại\nb: short\nc: another long text, met once\n"
        let second = "x: một đoạn văn bản dài lặp lại\ny: a third long text of the second document\n"
        let shared = ScalarStringTable(slotBits: 10)
        let one = try #require(scalars(first, strings: shared))
        let two = try #require(scalars(second, strings: shared))
        #expect(one[1].text == "một đoạn văn bản dài lặp lại" && two[1].text == one[1].text)
        #expect(storage(two[1].text) == storage(one[1].text), "the shared table gives the earlier string")
        let alone = try #require(scalars(second))
        #expect(storage(alone[1].text) != storage(one[1].text), "a document's own table starts empty")
        for (made, bytes) in one + two { #expect(Array(made.utf8) == bytes) }
        #expect(two.map(\.text) == alone.map(\.text))
    }
}
