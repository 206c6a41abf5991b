import Testing
@testable import CEL

/// `l.filter(x, p).map(y, e)` runs as one pass; it must give the value and the error of the
/// two passes (the same expression with the filter's list built: `l.filter(x, p) + []`).
struct FusionTests {
    @Test(arguments: [
        ("[1, 2, 3].filter(x, x > 1).map(y, y * 10)", "[20, 30]"),
        ("[1, 2, 3].filter(x, x > 5).map(y, y * 10)", "[]"),
        ("[2, 1].filter(x, x > 0).map(y, [1][y])", "error: index out of range: 2"),
        // The filter fails on 0 after the map would have failed on 2: the filter's error wins.
        ("[2, 1, 0].filter(x, 10 / x > 0).map(y, [1][y])", "error: division by zero"),
        ("[1, 2].filter(x, x > 1).map(x, x + 1)", "[3]"),
        ("{'a': 1, 'b': 2}.filter(k, k != 'a').map(k, k + '!')", "[\"b!\"]"),
        ("discipline.filter(x, x.date < as_of).map(x, x.form)", "[\"warning\", \"removal\"]"),
        ("sum([1, 2, 3].filter(x, x != 2).map(y, y * 2))", "8"),
    ])
    func sameAsTwoPasses(text: String, expected: String) {
        #expect(TestEnvironment.run(text) == expected)
        #expect(Self.unfused(text) == expected)
    }

    /// The same program with the map over an already built list.
    static func unfused(_ text: String) -> String {
        guard let cut = text.firstRange(of: ").map(") else { return "no map" }
        let head = String(text[..<cut.lowerBound]) + ") + [])"
        let open = head.hasPrefix("sum(") ? "sum((" + head.dropFirst(4) : "(" + head
        return TestEnvironment.run(open + ".map(" + text[cut.upperBound...])
    }

    @Test func planFusesOnlyAPlainFilterIntoAPlainMap() throws {
        let (environment, _) = TestEnvironment.make()
        func root(_ text: String) throws -> ComprehensionNode? {
            try Program.compile(text, in: environment).root as? ComprehensionNode
        }
        #expect(try root("[1, 2].filter(x, x > 1).map(y, y)")?.fusedFilter != nil)
        #expect(try root("[1, 2].filter(x, x > 1).map(y, y > 0, y)")?.fusedFilter == nil)
        #expect(try root("[1, 2].map(x, x).map(y, y)")?.fusedFilter == nil)
        #expect(try root("([1, 2].filter(x, x > 1) + []).map(y, y)")?.fusedFilter == nil)
    }
}
