import Diagnostics
import Testing

@Suite struct SourceTests {
    @Test func linesAndColumnsCountScalars() {
        let source = Source(name: "f.yaml", text: "a: 1\r\nname: Nguyễn Văn An\rx\n")
        #expect(source.line(1) == "a: 1")
        #expect(source.line(2) == "name: Nguyễn Văn An")
        #expect(source.line(3) == "x")
        let offset = "a: 1\r\nname: Nguyễn".utf8.count
        #expect(source.location(ofUTF8Offset: offset) == SourceLocation(file: "f.yaml", line: 2, column: 13))
    }

    /// "\r\n" is one break, a lone "\r" another; a break at the very end starts an empty line.
    @Test func lineStartsFollowEveryKindOfBreak() {
        #expect(Source(name: "f", text: "").lineStarts == [0])
        #expect(Source(name: "f", text: "a").lineStarts == [0])
        #expect(Source(name: "f", text: "a\n").lineStarts == [0, 2])
        #expect(Source(name: "f", text: "a\r\nb").lineStarts == [0, 3])
        #expect(Source(name: "f", text: "a\rb\r").lineStarts == [0, 2, 4])
        #expect(Source(name: "f", text: "\r\r\n\n").lineStarts == [0, 1, 3, 4])
        #expect(Source(name: "f", text: "ễ\nx").lineStarts == [0, 4])
    }

    @Test func diagnosticPrintsLikeACompiler() {
        let diagnostic = Diagnostic(
            code: "yaml.duplicate-key", message: "duplicate key 'name'",
            location: SourceLocation(file: "x.yaml", line: 3, column: 5))
        #expect(diagnostic.description == "x.yaml:3:5: error: duplicate key 'name' [yaml.duplicate-key]")
        let source = Source(name: "x.yaml", text: "a:\n  b: 1\n    name: 2\n")
        #expect(Snippet.render(diagnostic, source: source) == """
            x.yaml:3:5: error: duplicate key 'name' [yaml.duplicate-key]
                    name: 2
                    ^
            """)
    }

    /// Issue 17: a 200 KB line is cut around the column, the caret still under it.
    @Test func aLongLineIsCutAroundTheColumn() {
        let line = String(repeating: "1 + ", count: 50_000) + "x"
        let column = 100_001
        let shown = Snippet.caretLines(line: Substring(line), column: column)
        let rows = shown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count == 2)
        #expect(rows[0].hasPrefix("    …") && rows[0].hasSuffix("…"))
        #expect(rows[0].unicodeScalars.count == 4 + Snippet.maxLineWidth + 2)
        // The caret stands under the character at the column.
        let caret = rows[1].unicodeScalars.count - 1
        let under = rows[0].unicodeScalars[rows[0].unicodeScalars.index(rows[0].unicodeScalars.startIndex, offsetBy: caret)]
        let original = line.unicodeScalars[line.unicodeScalars.index(line.unicodeScalars.startIndex, offsetBy: column - 1)]
        #expect(under == original)
        #expect(rows[1].hasSuffix("^"))
        // The end of a long line: cut at the start only.
        let end = Snippet.caretLines(line: Substring(line), column: line.unicodeScalars.count)
        #expect(end.hasPrefix("    …") && end.split(separator: "\n")[0].hasSuffix("+ x"))
        // A short line is shown whole.
        #expect(Snippet.caretLines(line: "ab", column: 2) == "    ab\n     ^")
    }

    @Test func listIsCappedAndSorted() {
        var list = DiagnosticList(cap: 2)
        for line in [3, 1, 2] {
            list.append(Diagnostic(code: "x", message: "m", location: SourceLocation(file: "f", line: line, column: 1)))
        }
        #expect(list.count == 2)
        #expect(list.dropped == 1)
        #expect(list.sorted.map { $0.location!.line } == [1, 3])
    }
}
