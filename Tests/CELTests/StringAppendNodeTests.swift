import Testing
@testable import CEL

/// A `+` of strings whose left side is built by the evaluation appends in place
/// (`StringAppendNode`); it must give what `BinaryCallNode` gives: values, errors and where
/// they are raised, and the explanation's sub-expressions.
struct StringAppendNodeTests {
    @Test(arguments: [
        ("'name:' + string(1970)", "\"name:1970\""),
        ("'name:' + name_key(' NGUY\u{1EC4}N  V\u{102}N A ') + '/' + string(1970)", "\"name:nguy\u{1EC5}n v\u{103}n a/1970\""),
        ("d.form + ' and more than fifteen bytes' + '/' + d.form + '/' + d.system", "\"warning and more than fifteen bytes/warning/state\""),
        ("discipline.map(x, x.form + ':' + x.system + '/' + string(x.date))",
         "[\"warning:state/2025-01-10\", \"removal:state/2020-05-01\"]"),
        ("(d.form + '/') + (d.system + '/') + ''", "\"warning/state/\""),
        ("'' + '' + ''", "\"\""),
        ("string(1) + string(1 / 0) + 'x'", "error: division by zero"),
        ("string(1 / 0) + 'x'", "error: division by zero"),
        ("d.form + 'x' + string(m.z)", "error: no such key: 'z'"),
    ])
    func sameAsACall(text: String, expected: String) {
        #expect(TestEnvironment.run(text) == expected)
    }

    /// Only a left side that is built is appended to; a held one (a constant, a variable, a
    /// field) is shared, and stays a call.
    @Test func planAppendsOnlyToABuiltLeftSide() throws {
        let (environment, _) = TestEnvironment.make()
        func root(_ text: String) throws -> Node { try Program.compile(text, in: environment).root }
        #expect(try root("'a' + d.form + 'b'") is StringAppendNode)
        #expect(try root("d.form + 'b'") is BinaryCallNode)
        #expect(try root("'a' + 'b'") is BinaryCallNode)
        #expect(try root("string(1) + string(2)") is StringAppendNode)
        #expect(try root("[1] + [2]") is StringAppendNode == false)
        #expect(try root("1 + 2 + 3") is StringAppendNode == false)
    }

    /// The error of an operand keeps the operand's id; the explanation records every part.
    @Test func errorsAndExplanationsMatchTheCall() throws {
        let (environment, activation) = TestEnvironment.make()
        let failing = try Program.compile("d.form + '/' + string(1 / 0)", in: environment)
        guard case .error(let error) = failing.evaluate(activation), let id = error.exprID else {
            Issue.record("expected an error")
            return
        }
        #expect(failing.text(ofExpr: id) == "1 / 0")
        let program = try Program.compile("'a' + d.form + '/' + string(d.date)", in: environment)
        let explanation = program.explain(activation)
        #expect(explanation.value.displayText == "\"awarning/2025-01-10\"")
        #expect(explanation.subexpressions.map(\.text) == [
            "'a' + d.form + '/' + string(d.date)", "'a' + d.form + '/'", "'a' + d.form", "d.form", "d",
            "string(d.date)", "d.date", "d",
        ])
        #expect(explanation.subexpressions[1...2].map(\.value.displayText) == ["\"awarning/\"", "\"awarning\""])
    }
}
