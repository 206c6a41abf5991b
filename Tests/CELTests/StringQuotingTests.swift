import Diagnostics
import Testing
@testable import CEL

/// CEL string literals are printed with JSON's string syntax (one escaper for both), and
/// CEL reads every such literal back as the same string.
@Suite struct StringQuotingTests {
    static let hostile = "a\"b\\c\nd\te\r\u{7}\u{8}\u{C}\u{1F}\u{7F}é\u{301}"

    @Test func celLiteralIsTheJSONLiteral() {
        #expect(DebugPrinter.quoted(Self.hostile) == JSONWriter.quoted(Self.hostile))
        #expect(Value.jsonQuoted(Self.hostile) == JSONWriter.quoted(Self.hostile))
        #expect(DebugPrinter.quoted(Self.hostile) == #""a\"b\\c\nd\te\r\u0007\b\f\u001f\#u{7F}é\#u{301}""#)
    }

    @Test func celReadsTheLiteralBack() {
        let literal = DebugPrinter.quoted(Self.hostile)
        #expect(TestEnvironment.run("\(literal) == \(literal)") == "true")
        #expect(TestEnvironment.run(literal) == literal)
        #expect(TestEnvironment.run("size(\(literal))") == String(Self.hostile.unicodeScalars.count))
    }
}
