import Testing
@testable import CEL

struct ExplanationTests {
    static func explain(_ text: String) throws -> Explanation {
        let (environment, activation) = TestEnvironment.make()
        let child = environment.extended()
        let bar = child.declare(variable: "bar_months", type: .int)
        var scoped = activation
        scoped[bar] = .int(12)
        return try Program.compile(text, in: child).explain(scoped)
    }

    @Test func decisiveComparisonsAndReads() throws {
        let explanation = try Self.explain(
            "d.system == 'state' && !d.revoked && months_between(d.date, as_of) < bar_months")
        #expect(explanation.value.displayText == "true")
        #expect(explanation.comparisons == [
            "d.system = \"state\" == 'state' → true",
            "months_between(d.date, as_of) = 8 < bar_months = 12 → true",
        ])
        #expect(explanation.reads.map(\.origin.path) == ["discipline[0].system", "discipline[0].revoked", "discipline[0].date"])
        #expect(explanation.reads.map(\.origin.location.line) == [3, 6, 5])
        #expect(explanation.reads.map(\.value.displayText) == ["\"state\"", "false", "date('2025-01-10')"])
    }

    @Test func orKeepsOnlyTheTrueSide() throws {
        let explanation = try Self.explain("d.form == 'removal' || d.date < as_of")
        #expect(explanation.comparisons == ["d.date = date('2025-01-10') < as_of = date('2025-09-20') → true"])
        #expect(explanation.reads.map(\.origin.path) == ["discipline[0].date"])
    }

    @Test func existsKeepsTheDecidingIteration() throws {
        let explanation = try Self.explain("discipline.exists(x, x.form == 'removal')")
        #expect(explanation.comparisons == ["x.form = \"removal\" == 'removal' → true"])
        #expect(explanation.reads.map(\.origin.location.line) == [8])
    }

    /// A false comparison can decide too (under `!`): it says it was false (issue 20).
    @Test func aDecisiveComparisonSaysWhatItGave() throws {
        let explanation = try Self.explain("!(bar_months + 6 < 12)")
        #expect(explanation.value.displayText == "true")
        #expect(explanation.comparisons == ["bar_months + 6 = 18 < 12 → false"])
    }

    /// An operand's text and value longer than 200 characters are cut there with `…`, by
    /// characters, not bytes: 150 three-byte letters are not cut, 300 are.
    @Test func longOperandsAreCutByCharacters() throws {
        let letters = String(repeating: "ặ", count: 150)
        let explanation = try Self.explain("'\(letters)' + '\(letters)' == '\(letters)'")
        func cut(_ text: String) -> String { text.count <= 200 ? text : String(text.prefix(200)) + "…" }
        let left = "'\(letters)' + '\(letters)'"
        #expect(explanation.comparisons == [
            cut(left) + " = " + cut("\"\(letters)\(letters)\"") + " == '\(letters)' → false",
        ])
        #expect(cut(left) != left)
    }

    @Test func subexpressionsInSourceOrder() throws {
        let explanation = try Self.explain("1 + bar_months * 2 > 20")
        #expect(explanation.subexpressions.map { "\($0.text) = \($0.value.displayText)" } == [
            "1 + bar_months * 2 > 20 = true", "1 + bar_months * 2 = 25", "bar_months * 2 = 24", "bar_months = 12",
        ])
    }
}
