import Testing
@testable import CEL

/// CEL and JSON literals escape alike but for control characters.
@Suite struct StringQuotingTests {
    @Test func celLiteral() {
        #expect(DebugPrinter.quoted("a\"b\\c\nd\te\r\u{7}\u{1F}\u{7F}é") == #""a\"b\\c\nd\te\r\x07\x1f\#u{7F}é""#)
    }

    @Test func jsonLiteral() {
        #expect(Value.jsonQuoted("a\"b\\c\nd\te\r\u{7}\u{1F}\u{7F}é") == #""a\"b\\c\nd\te\r\u0007\u001f\u007fé""#)
    }
}
