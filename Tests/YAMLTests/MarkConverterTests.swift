import Testing
@testable import YAML

/// The one-based conversion of libyaml's mark numbers (`Node.Span(zeroBasedStartLine:...)`,
/// which the tree builder and the event reader share), with no overflow check, gives what
/// `Int32(clamping: value + 1)` gives, in each of the four places.
@Suite struct MarkConverterTests {
    @Test func oneBasedIsTheClampedSuccessor() {
        let edge = Int(Int32.max)
        let values = [0, 1, 2, 79, 1_000_000, edge - 2, edge - 1, edge, edge + 1, Int(UInt32.max), Int.max - 1]
        for value in values {
            let expected = Int32(clamping: value + 1)
            let span = Node.Span(zeroBasedStartLine: value, startColumn: value, endLine: value, endColumn: value)
            #expect(span == Node.Span(startLine: expected, startColumn: expected, endLine: expected, endColumn: expected),
                    "\(value)")
            let mixed = Node.Span(zeroBasedStartLine: value, startColumn: 0, endLine: 1, endColumn: value)
            #expect(mixed == Node.Span(startLine: expected, startColumn: 1, endLine: 2, endColumn: expected), "\(value)")
        }
    }
}
