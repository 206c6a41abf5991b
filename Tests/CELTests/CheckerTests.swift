import Testing
@testable import CEL

struct CheckerTests {
    static let types: [(String, String)] = [
        ("1 + 2", "int"), ("1.5 * 2.0", "double"), ("'a' + 'b'", "string"), ("[1, 2]", "list(int)"),
        ("[1, 'a']", "list(dyn)"), ("{'a': 1}", "map(string, int)"), ("d.date", "date"),
        ("d", "discipline"), ("discipline.map(x, x.date)", "list(date)"),
        ("discipline.filter(x, x.revoked)", "list(discipline)"), ("discipline.exists(x, x.form == 'w')", "bool"),
        ("has(d.form)", "bool"), ("dyn(1)", "dyn"), ("type(1)", "type(int)"), ("int", "type(int)"),
        ("m.a", "int"), ("m['b']", "int"), ("d.months == null", "bool"), ("d.form != null", "bool"),
        ("true ? 1 : 2", "int"), ("true ? 1 : 'a'", "dyn"), ("size('abc')", "int"),
        ("months_between(d.date, as_of)", "int"), ("add_months(as_of, 1)", "date"),
        ("max([as_of, d.date])", "date"), ("sum([1.5, 2.0])", "double"), ("dyn(1) < 2.0", "bool"),
        ("timestamp('2025-01-01T00:00:00Z') - timestamp(0)", "google.protobuf.Duration"),
        ("['a', 'b'].join(',')", "string"), ("'a,b'.split(',')", "list(string)"),
    ]

    @Test(arguments: types)
    func resultType(text: String, type: String) throws {
        let (environment, _) = TestEnvironment.make()
        let program = try Program.compile(text, in: environment)
        #expect(program.resultType.description == type)
    }

    @Test func typeAnnotations() throws {
        let (environment, _) = TestEnvironment.make()
        let program = try Program.compile("d.date < as_of && 1 in [1]", in: environment)
        let text = DebugPrinter.print(program.parsed.expr) { program.type(ofExpr: $0)?.description }
        #expect(text == "_&&_(_<_(d~discipline.date~date, as_of~date)~bool, @in(1~int, [1~int]~list(int))~bool)~bool")
    }

    static let errors: [(String, String, String, Range<Int>)] = [
        ("d.dat > 5", "cel.undefined-field", "no field 'dat' on discipline; did you mean 'date'?", 2..<5),
        ("size(discipine)", "cel.undeclared", "undeclared reference to 'discipine'; did you mean 'discipline'?", 5..<14),
        ("zzz", "cel.undeclared", "undeclared reference to 'zzz'", 0..<3),
        ("d.date > 5", "cel.no-overload", "'>' cannot compare date with int; write a date as date('YYYY-MM-DD'), or compare year(...) with a year", 7..<8),
        ("sise('a')", "cel.no-overload", "undeclared function 'sise'; did you mean 'size'?", 0..<4),
        ("'a'.startsWith(1)", "cel.no-overload", "no matching overload for 'startsWith' applied to string.(int)", 4..<14),
        ("'a' && true", "cel.no-overload", "'&&' cannot be applied to string and bool", 4..<6),
        ("1 ? 2 : 3", "cel.no-overload", "no matching overload for '_?_:_' applied to (int, int, int)", 2..<3),
        ("d.date == 'x'", "cel.no-overload", "'==' cannot compare date with string; write a date as date('YYYY-MM-DD'), or compare year(...) with a year", 7..<9),
        ("(1).x", "cel.undefined-field", "type 'int' has no field 'x'", 4..<5),
        ("discipline.all(x, x.date)", "cel.macro", "the predicate of all() must be bool, not 'date'", 20..<24),
        ("(1).exists(x, true)", "cel.macro", "exists() cannot iterate over a value of type 'int'", 4..<10),
        ("{[1]: 2}", "cel.no-overload", "map keys must be int, string or bool, not 'list(int)'", 1..<2),
        ("a +", "cel.syntax", "unexpected end of expression", 3..<3),
    ]

    /// The issue is a value: a front end reads the field and the type, never the sentence.
    @Test func undefinedFieldIsAValue() throws {
        let (environment, _) = TestEnvironment.make()
        do {
            _ = try Program.compile("d.dat", in: environment)
            Issue.record("compiled without error")
        } catch {
            guard case .undefinedField(let field, _, let suggestion)? = error.issues.first?.reason else {
                Issue.record("not an undefined field: \(error.issues)")
                return
            }
            #expect(field == "dat")
            #expect(suggestion == "date")
        }
    }

    @Test(arguments: errors)
    func checkError(text: String, code: String, message: String, range: Range<Int>) {
        let (environment, _) = TestEnvironment.make()
        do {
            _ = try Program.compile(text, in: environment)
            Issue.record("compiled without error")
        } catch {
            #expect(error.issues.map { [$0.code, $0.message] } == [[code, message]])
            #expect(error.issues.map(\.range) == [range])
            // A checker issue names the node it concerns; a syntax error has no tree yet.
            #expect(error.issues.allSatisfy { ($0.exprID == nil) == (code == "cel.syntax") })
        }
    }

    @Test func everyIssueIsReported() {
        let (environment, _) = TestEnvironment.make()
        do {
            _ = try Program.compile("aa + d.dte + f()", in: environment)
            Issue.record("compiled")
        } catch {
            #expect(error.issues.map(\.code) == ["cel.undeclared", "cel.undefined-field", "cel.no-overload"])
        }
    }

    @Test func hostFunctionsAndChildScopes() throws {
        let (environment, activation) = TestEnvironment.make()
        environment.declare(function: "vnd", overloads: [
            FunctionOverload(id: "vnd_int", arguments: [.int], result: .string) { args in
                guard case .int(let n) = args[0] else { return .error(EvalError(.evalType, "bad")) }
                return .string("\(n) VND")
            },
        ])
        let child = environment.extended()
        let slot = child.declare(variable: "bar_months", type: .int)
        #expect(slot == environment.variableCount - 1)
        var scoped = activation
        scoped[slot] = .int(12)
        let program = try Program.compile("vnd(bar_months * 1000)", in: child)
        #expect(program.evaluate(scoped).displayText == "\"12000 VND\"")
        #expect(child.variableNames() == ["as_of", "bar_months", "d", "discipline", "m"])
    }
}
