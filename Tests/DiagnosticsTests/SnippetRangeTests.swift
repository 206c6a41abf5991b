import Diagnostics
import Testing

/// A diagnostic with an end underlines its whole range; without one, a caret alone.
@Suite struct SnippetRangeTests {
    static let source = Source(name: "r.yaml", text: "when: d.dat > 5\n")

    @Test func rangeIsUnderlined() {
        let diagnostic = Diagnostic(
            code: "cel.undefined-field", message: "no field 'dat' on discipline",
            location: SourceLocation(file: "r.yaml", line: 1, column: 9),
            end: SourceLocation(file: "r.yaml", line: 1, column: 12))
        #expect(Snippet.render(diagnostic, source: Self.source) == """
            r.yaml:1:9: error: no field 'dat' on discipline [cel.undefined-field]
                when: d.dat > 5
                        ^~~
            """)
    }

    @Test func pointHasACaretOnly() {
        let diagnostic = Diagnostic(code: "x.y", message: "m", location: SourceLocation(file: "r.yaml", line: 1, column: 9))
        #expect(Snippet.render(diagnostic, source: Self.source).hasSuffix("\n            ^"))
    }
}
