import Testing
@testable import CEL

struct InterpreterTests {
    /// (name, expression, display text of the result or `error: message`)
    static let cases: [(String, String, String)] = [
        ("and absorbs error (false)", "1/0 > 1 && false", "false"),
        ("and absorbs error commutes", "false && 1/0 > 1", "false"),
        ("and keeps error", "1/0 > 1 && true", "error: division by zero"),
        ("or absorbs error", "1/0 > 1 || true", "true"),
        ("or keeps error", "false || [1][2] == 1", "error: index out of range: 2"),
        ("add overflow", "9223372036854775807 + 1", "error: integer overflow"),
        ("mul overflow", "-9223372036854775808 * -1", "error: integer overflow"),
        ("modulo by zero", "1 % 0", "error: modulus by zero"),
        ("double division", "1.0 / 0.0", "Infinity"),
        ("heterogeneous eq", "dyn(1) == 1.0", "true"),
        ("int double compare", "1 < 1.5", "true"),
        ("in list", "2 in [1, 2]", "true"),
        ("in map", "'a' in {'a': 1}", "true"),
        ("missing key", "{'a': 1}['b']", "error: no such key: \"b\""),
        ("duplicate key", "{'a': 1, 'a': 2}", "error: duplicate map key: \"a\""),
        ("map select", "m.b", "2"),
        ("map select missing", "m.c", "error: no such key: 'c'"),
        ("has map", "has(m.a) && !has(m.z)", "true"),
        ("has object", "has(d.form) && !has(d.months)", "true"),
        ("null field", "d.months == null", "true"),
        ("object field", "d.form", "\"warning\""),
        ("exists", "discipline.exists(x, x.form == 'removal')", "true"),
        ("all", "discipline.all(x, x.system == 'state')", "true"),
        ("exists absorbs", "[0, 1].exists(x, 1 / x == 1)", "true"),
        ("all keeps error", "[0, 1].all(x, 1 / x == 1)", "error: division by zero"),
        ("exists_one", "[1, 2, 3].exists_one(x, x > 2)", "true"),
        ("map", "[1, 2].map(x, x * 10)", "[10, 20]"),
        ("map filter", "[1, 2, 3].map(x, x > 1, x * 10)", "[20, 30]"),
        ("filter", "[1, 2, 3].filter(x, x != 2)", "[1, 3]"),
        ("map keys", "{'a': 1, 'b': 2}.map(k, k + '!')", "[\"a!\", \"b!\"]"),
        ("nested macros", "[[1], [2, 3]].map(l, l.filter(x, x > 1).size())", "[0, 2]"),
        ("conditional", "d.form == 'warning' ? 12 : 24", "12"),
        ("size string", "size('Nguyễn')", "6"),
        ("lowerAscii", "'ÀBC'.lowerAscii()", "\"Àbc\""),
        ("upperAscii", "'abc'.upperAscii()", "\"ABC\""),
        ("trim", "'  x y \\n'.trim()", "\"x y\""),
        ("split", "'a,b,c'.split(',')", "[\"a\", \"b\", \"c\"]"),
        ("split limit", "'a,b,c'.split(',', 2)", "[\"a\", \"b,c\"]"),
        ("join", "['a', 'b'].join('-')", "\"a-b\""),
        ("replace", "'aaa'.replace('a', 'b', 2)", "\"bba\""),
        ("indexOf", "'héllo'.indexOf('l')", "2"),
        ("lastIndexOf", "'héllo'.lastIndexOf('l')", "3"),
        ("substring", "'héllo'.substring(1, 3)", "\"él\""),
        ("substring range", "'abc'.substring(2, 1)", "error: invalid substring range. start: 2, end: 1"),
        ("matches", "'ABC-123'.matches('^[A-Z]+-[0-9]+$')", "true"),
        // A constant pattern is compiled when the expression is (issue 17): a compile error.
        ("bad regex", "'a'.matches('(')", "cel.bad-regex: invalid regular expression: missing closing ): `(`"),
        ("bad regex at run time", "'a'.matches('(' + '')", "error: invalid regular expression '(': missing closing ): `(`"),
        ("matches global form", "matches('xaby', 'ab')", "true"),
        ("matches computed pattern", "'ab'.matches('^' + 'a' + 'b$')", "true"),
        ("matches by scalar", "'Nguyễn'.matches('^Nguy.n$')", "true"),
        ("bad regex global form", "matches('a', '(')", "cel.bad-regex: invalid regular expression: missing closing ): `(`"),
        ("contains", "'Straße'.contains('aß')", "true"),
        ("string conversions", "string(1.5) + string(2) + string(true)", "\"1.52true\""),
        ("int of double", "int(-3.9)", "-3"),
        ("int of big double", "int(1e19)", "error: double 1e+19 is out of the int range"),
        ("type", "type(1) == int && type('a') == string", "true"),
        ("timestamp accessors", "timestamp('2024-02-29T23:30:00Z').getMonth()", "1"),
        ("timestamp tz", "timestamp('2024-02-29T23:30:00Z').getDate('+07:00')", "1"),
        ("day of week", "timestamp('2025-01-05T00:00:00Z').getDayOfWeek()", "0"),
        ("timestamp arithmetic", "timestamp('2025-01-01T00:00:00Z') + duration('1h30m')", "timestamp('2025-01-01T01:30:00Z')"),
        ("duration difference", "timestamp('2025-01-02T00:00:00Z') - timestamp('2025-01-01T00:00:00Z')", "duration('86400s')"),
        ("duration hours", "duration('3h20m').getHours()", "3"),
        ("date", "date('2025-01-31')", "date('2025-01-31')"),
        ("bad date", "date('2025-02-30')", "error: invalid date '2025-02-30': expected YYYY-MM-DD"),
        ("add_months leap", "add_months(date('2024-01-31'), 1) == date('2024-02-29')", "true"),
        ("add_months end", "add_months(date('2025-01-31'), 1)", "date('2025-02-28')"),
        ("add_years leap", "add_years(date('2024-02-29'), 1)", "date('2025-02-28')"),
        ("add_days", "add_days(date('2024-12-31'), 1)", "date('2025-01-01')"),
        ("months_between end", "months_between(date('2025-01-31'), date('2025-02-28'))", "1"),
        ("months_between negative", "months_between(date('2025-02-28'), date('2025-01-31'))", "-1"),
        ("years_between clamps Feb 29", "years_between(date('2000-02-29'), date('2025-02-28'))", "25"),
        ("days_between", "days_between(date('2024-02-28'), date('2024-03-01'))", "2"),
        ("date parts", "[year(as_of), month(as_of), day(as_of)]", "[2025, 9, 20]"),
        ("date compare", "d.date <= as_of && date('2025-01-10') == d.date", "true"),
        ("sum", "sum([1, 2, 3])", "6"),
        ("sum empty", "sum([])", "0"),
        ("sum doubles", "sum([1.5, 2.5])", "4.0"),
        ("sum overflow", "sum([9223372036854775807, 1])", "error: integer overflow"),
        ("max", "max([3, 9, 2])", "9"),
        ("min dates", "min([as_of, d.date])", "date('2025-01-10')"),
        ("max empty", "max([])", "error: max() of an empty list"),
        ("name_key", "name_key('NGUYỄN  Văn An') == name_key('Nguyễn Văn An')", "true"),
        ("working days no calendar", "working_days_between(date('2025-01-01'), date('2025-01-10'))",
         "error: working_days_between: no holiday calendar is loaded"),
    ]

    @Test(arguments: cases)
    func evaluate(name: String, text: String, expected: String) {
        #expect(TestEnvironment.run(text) == expected, "\(name)")
    }

    @Test func workingDaysWithCalendar() {
        let newYear = CivilDate(iso: "2025-01-01")!
        let calendar = HolidayCalendar(holidays: [newYear], years: 2025...2025)
        // Thu 2 .. Fri 10 January 2025: 7 working days (Jan 1 excluded: a < d).
        #expect(TestEnvironment.run("working_days_between(date('2025-01-01'), date('2025-01-10'))", calendar: calendar) == "7")
        #expect(TestEnvironment.run("working_days_between(date('2025-01-10'), date('2025-01-01'))", calendar: calendar) == "-7")
        #expect(TestEnvironment.run("working_days_between(date('2024-12-31'), date('2025-01-10'))", calendar: calendar)
            == "error: working_days_between: the holiday calendar covers only 2025–2025")
    }

    @Test func runtimeErrorsCarryTheFailingNode() throws {
        let (environment, activation) = TestEnvironment.make()
        let program = try Program.compile("d.months + 1 > 2", in: environment)
        guard case .error(let error) = program.evaluate(activation), let id = error.exprID else {
            Issue.record("expected an error")
            return
        }
        #expect(program.range(ofExpr: id) == 9..<10)
    }
}
