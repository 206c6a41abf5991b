import Testing
import YAML

@Suite struct ResolvedScalarTests {
    static let plainTable: [(String, ResolvedScalar)] = [
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
        ("nULL", .string("nULL")),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("tRUE", .string("tRUE")),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
        ("y", .string("y")), ("n", .string("n")),
        ("0", .int(0)), ("42", .int(42)), ("0042", .int(42)), ("-7", .int(-7)), ("+12", .int(12)),
        ("-0", .int(0)),
        ("0x1F", .int(31)), ("0xff", .int(255)), ("0o17", .int(15)),
        ("0o18", .string("0o18")), ("0xG", .string("0xG")), ("-0x1F", .string("-0x1F")), ("0x", .string("0x")),
        ("1_000", .string("1_000")), ("1,000", .string("1,000")), ("12:30", .string("12:30")),
        ("9223372036854775807", .int(Int64.max)), ("-9223372036854775808", .int(Int64.min)),
        ("9223372036854775808", .string("9223372036854775808")),
        ("1.5", .double(1.5)), ("-.5", .double(-0.5)), ("+.5", .double(0.5)), ("1.", .double(1)),
        ("1e3", .double(1000)), ("1.5E-2", .double(0.015)), ("6.02e+23", .double(6.02e23)),
        ("1e", .string("1e")), (".", .string(".")), ("e3", .string("e3")), ("1.2.3", .string("1.2.3")),
        (".inf", .double(.infinity)), (".Inf", .double(.infinity)), ("+.INF", .double(.infinity)),
        ("-.inf", .double(-.infinity)), ("inf", .string("inf")), ("nan", .string("nan")),
        ("2025-01-10", .string("2025-01-10")), ("0x1p3", .string("0x1p3")),
        ("Nguyễn", .string("Nguyễn")),
    ]

    @Test(arguments: plainTable)
    func plainScalars(text: String, expected: ResolvedScalar) {
        #expect(Node.Scalar(text: text).resolved == expected)
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(text: String) throws {
        guard case .double(let value) = Node.Scalar(text: text).resolved else {
            Issue.record("\(text) did not resolve to a double")
            return
        }
        #expect(value.isNaN)
    }

    @Test func quotedAndBlockScalarsAreStrings() {
        for style in [Node.Scalar.Style.singleQuoted, .doubleQuoted, .literal, .folded] {
            #expect(Node.Scalar(text: "0042", style: style).resolved == .string("0042"))
            #expect(Node.Scalar(text: "null", style: style).resolved == .string("null"))
            #expect(Node.Scalar(text: "true", style: style).resolved == .string("true"))
        }
    }

    @Test func tagsDecide() {
        #expect(Node.Scalar(text: "42", tag: "!!str").resolved == .string("42"))
        #expect(Node.Scalar(text: "0x10", style: .doubleQuoted, tag: "!!int").resolved == .int(16))
        #expect(Node.Scalar(text: "3", tag: "!!float").resolved == .double(3))
        #expect(Node.Scalar(text: "abc", tag: "!!int").resolved == .string("abc"))
        #expect(Node.Scalar(text: "", style: .singleQuoted, tag: "!!null").resolved == .null)
    }

    @Test func loadedScalarsResolveByTheirStyle() {
        let root = load("a: 0042\nb: \"0042\"\nc: '0042'\nd: |\n  42\ne:\nf: ~\n").root
        #expect(root?.mapping?.map { $0.value.scalar?.resolved } == [
            .int(42), .string("0042"), .string("0042"), .string("42\n"), .null, .null,
        ])
    }
}
