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
