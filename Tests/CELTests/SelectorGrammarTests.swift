import Testing
@testable import CEL

/// cel-spec's selector grammar: a field or method name after `.` may be a reserved word
/// (`x.if`, `xs.package()`) but not a keyword (`true false null in`), and a field name may be
/// quoted in backticks (`` m.`content-type` ``) when it is not an identifier.
struct SelectorGrammarTests {
    static let parsed: [(String, String)] = [
        ("m.`content-type`", "m.`content-type`"),
        ("m.`v1/items`.`a b`", "m.`v1/items`.`a b`"),
        ("has(m.`file.txt`)", "has(m.`file.txt`)"),
        ("m.`plain`", "m.plain"),
        ("x.if", "x.if"),
        ("x.namespace.while", "x.namespace.while"),
        ("x.package()", "x.package()"),
        ("x.`in`", "x.`in`"),
    ]

    @Test(arguments: parsed)
    func parses(text: String, printed: String) throws {
        #expect(DebugPrinter.print(try Parser.parse(text).expr) == printed)
    }

    static let refused: [(String, String, Range<Int>)] = [
        ("while", "reserved word 'while' cannot be used here", 0..<5),
        ("if(x)", "reserved word 'if' cannot be used here", 0..<2),
        (".let", "reserved word 'let' cannot be used here", 1..<4),
        ("xs.all(var, var > 0)", "reserved word 'var' cannot be used here", 7..<10),
        ("x.in", "expected a field or method name after '.', found 'in'", 2..<4),
        ("x.null", "expected a field or method name after '.', found 'null'", 2..<6),
        ("m.`f`()", "a quoted field name cannot be called", 2..<5),
        ("m.`a+b`", "'+' cannot be part of a quoted field name (letters, digits, _ . - / and spaces only)", 4..<5),
        ("m.``", "empty quoted field name", 2..<4),
        ("`a` + 1", "unexpected '`a`'", 0..<3),
    ]

    @Test(arguments: refused)
    func refuses(text: String, message: String, range: Range<Int>) {
        #expect(throws: SyntaxError(message, range)) { try Parser.parse(text) }
    }

    static let evaluated: [(String, String)] = [
        ("{'content-type': 'json', 'x': 1}.`content-type`", "\"json\""),
        ("has({'a/b': 1}.`a/b`)", "true"),
        ("has({'a/b': 1}.`a/c`)", "false"),
        ("{'if': 2}.if + {'as': 3}.as", "5"),
        ("{'a b': [1, 2]}.`a b`.size()", "2"),
    ]

    @Test(arguments: evaluated)
    func evaluates(text: String, expected: String) {
        #expect(TestEnvironment.run(text) == expected)
    }
}

/// The range limits of timestamp and duration arithmetic (cel-spec langdef "Overflow"):
/// timestamps from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z, durations one int64
/// of nanoseconds. Crossing a limit is an error, never a wrapped value.
struct TimeRangeTests {
    static let cases: [(String, String)] = [
        ("timestamp('9999-12-31T23:59:59.999999999Z') + duration('1ns')", "error: timestamp out of range"),
        ("timestamp('0001-01-01T00:00:00Z') - duration('1ns')", "error: timestamp out of range"),
        ("timestamp('0001-01-01T00:00:00Z') + duration('-1s')", "error: timestamp out of range"),
        ("timestamp('9999-12-31T23:59:59Z') - timestamp('0001-01-01T00:00:00Z')", "error: duration out of range"),
        ("timestamp('2300-01-01T00:00:00Z') - timestamp('2000-01-01T00:00:00Z')", "error: duration out of range"),
        ("timestamp('2200-01-01T00:00:00Z') - timestamp('2000-01-01T00:00:00Z')", "duration('6311433600s')"),
        ("duration('9223372036s') + duration('1s')", "error: duration out of range"),
        ("duration('-9223372036s') - duration('1s')", "error: duration out of range"),
        ("duration('9223372036s') + duration('0.854775807s')", "duration('9223372036.854775807s')"),
        ("duration('9223372037s')", "error: invalid duration '9223372037s'"),
        ("timestamp(253402300800)", "error: timestamp out of range"),
        ("timestamp(-62135596801)", "error: timestamp out of range"),
        ("timestamp(253402300799)", "timestamp('9999-12-31T23:59:59Z')"),
    ]

    @Test(arguments: cases)
    func limits(text: String, expected: String) {
        #expect(TestEnvironment.run(text) == expected)
    }
}
