import Testing
@testable import CEL

struct ParserTests {
    static let goldens: [(String, String)] = [
        ("a + b * c", "_+_(a, _*_(b, c))"),
        ("(a + b) * c", "_*_(_+_(a, b), c)"),
        ("a - b - c", "_-_(_-_(a, b), c)"),
        ("a || b && c", "_||_(a, _&&_(b, c))"),
        ("a && b == c", "_&&_(a, _==_(b, c))"),
        ("a < b == c", "_==_(_<_(a, b), c)"),
        ("x in [1, 2] && y", "_&&_(@in(x, [1, 2]), y)"),
        ("a ? b : c ? d : e", "_?_:_(a, b, _?_:_(c, d, e))"),
        ("a || b ? c : d", "_?_:_(_||_(a, b), c, d)"),
        ("!a && -b < 3", "_&&_(!_(a), _<_(-_(b), 3))"),
        ("!!a", "!_(!_(a))"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("-(1)", "-_(1)"),
        ("a.b.c[0].d", "_[_](a.b.c, 0).d"),
        ("s.startsWith('x')", "s.startsWith(\"x\")"),
        ("f(1, 2.5, null, true)", "f(1, 2.5, null, true)"),
        ("{'a': 1, 2: [3]}", "{\"a\": 1, 2: [3]}"),
        ("[1, 2,]", "[1, 2]"),
        ("has(d.date)", "has(d.date)"),
        ("xs.exists(x, x > 1)", "xs.exists(x, _>_(x, 1))"),
        ("xs.map(x, x > 1, x * 2)", "xs.map(x, _>_(x, 1), _*_(x, 2))"),
        ("xs.filter(x, x.ok).all(y, y.v)", "xs.filter(x, x.ok).all(y, y.v)"),
        ("a % b / c", "_/_(_%_(a, b), c)"),
    ]

    @Test(arguments: goldens)
    func precedence(text: String, golden: String) throws {
        let parsed = try Parser.parse(text)
        #expect(DebugPrinter.print(parsed.expr) == golden)
    }

    static let errors: [(String, String, Range<Int>)] = [
        ("a +", "unexpected end of expression", 3..<3),
        ("(a", "expected ')', found end of expression", 2..<2),
        ("a b", "unexpected 'b'", 2..<3),
        ("f(1,", "unexpected end of expression", 4..<4),
        ("has(a)", "has() requires a single field selection argument, such as has(d.date)", 0..<6),
        ("xs.all(1, true)", "the first argument of all() must be a simple variable name", 7..<8),
        ("xs.exists(x)", "exists() takes a variable name and a predicate: exists(x, predicate)", 3..<9),
        ("a.1", "expected a field or method name after '.', found '1'", 2..<3),
        ("Msg{}", "message construction is not supported", 0..<4),
        ("9223372036854775808", "integer literal out of range", 0..<19),
    ]

    @Test(arguments: errors)
    func syntaxError(text: String, message: String, range: Range<Int>) {
        #expect(throws: SyntaxError(message, range)) { try Parser.parse(text) }
    }

    @Test func ranges() throws {
        let parsed = try Parser.parse("d.date > as_of")
        guard case .call(_, _, let arguments) = parsed.expr.kind else { Issue.record("not a call"); return }
        #expect(parsed.sourceInfo.anchor(of: parsed.expr.id) == 7..<8)
        #expect(parsed.sourceInfo.range(of: parsed.expr.id) == 0..<14)
        #expect(parsed.sourceInfo.anchor(of: arguments[0].id) == 2..<6)
        #expect(parsed.sourceInfo.text(of: arguments[0].id) == "d.date")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(throws: SyntaxError.self) { try Parser.parse(text) }
    }
}
