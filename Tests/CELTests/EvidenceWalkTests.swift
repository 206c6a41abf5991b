import Testing
@testable import CEL

/// A finding's evidence is explained without sub-expressions, by a walk that evaluates each
/// decisive node once; it must record exactly the reads and comparisons of the full walk.
struct EvidenceWalkTests {
    static func both(_ text: String) throws -> (full: Explanation, evidence: Explanation) {
        let (environment, activation) = TestEnvironment.make()
        let child = environment.extended()
        let bar = child.declare(variable: "bar_months", type: .int)
        var scoped = activation
        scoped[bar] = .int(12)
        let program = try Program.compile(text, in: child)
        return (program.explain(scoped), program.explain(scoped, subexpressions: false))
    }

    static func summary(_ e: Explanation) -> [String] {
        ["value: \(e.value.isError ? "error" : e.value.displayText)"]
            + e.reads.map { "read \($0.origin.path) line \($0.origin.location.line) = \($0.value.displayText)" }
            + e.comparisons
    }

    @Test(arguments: [
        "d.system == 'state' && !d.revoked && months_between(d.date, as_of) < bar_months",
        "d.form == 'removal' || d.date < as_of",
        "d.form == 'warning' || d.date < as_of",
        "d.form == 'x' || d.date > as_of",
        "d.form == 'warning' && d.date > as_of",
        "d.months > 1 && d.form == 'warning'",
        "d.form == 'removal' && d.months > 1",
        "d.months > 1 || d.form == 'warning'",
        "d.months > 1 || d.form == 'x'",
        "(d.form == 'x' || d.system == 'state') && (d.date < as_of || d.months > 1)",
        "discipline.exists(x, x.form == 'removal')",
        "discipline.exists(x, x.form == 'x')",
        "discipline.all(x, x.system == 'state' && x.date < as_of)",
        "discipline.all(x, x.form == 'warning')",
        "size(discipline.filter(x, x.date < as_of && x.form in ['warning', 'removal'])) > 1",
        "discipline.map(x, x.date < as_of ? 1 : 2)[0] == 1",
        "discipline.exists(x, x.form == 'removal') && discipline.exists(y, y.form == d.form)",
        "d.revoked ? d.form == 'x' : d.system in ['state', 'party']",
        "m['a'] + bar_months > 12 && m['b'] == 2",
        "has(d.months) || d.form != 'warning'",
        "[d.form, d.system] == ['warning', 'state']",
        "1 + bar_months * 2 > 20",
    ])
    func sameReadsAndComparisons(text: String) throws {
        let (full, evidence) = try Self.both(text)
        #expect(Self.summary(evidence) == Self.summary(full))
        #expect(evidence.subexpressions.isEmpty)
    }

    @Test func decidingRightSideDropsTheLeftSidesReads() throws {
        let (_, evidence) = try Self.both("d.months > 1 || d.form == 'warning'")
        #expect(evidence.value.displayText == "true")
        #expect(evidence.reads.map(\.origin.path) == ["discipline[0].form"])
        #expect(evidence.comparisons == ["d.form = \"warning\" == 'warning' → true"])
    }

    @Test func withoutComparisons() throws {
        let (environment, activation) = TestEnvironment.make()
        let program = try Program.compile("d.system == 'state' && d.date < as_of", in: environment)
        let explanation = program.explain(activation, subexpressions: false, comparisons: false)
        #expect(explanation.comparisons.isEmpty)
        #expect(explanation.reads.map(\.origin.path) == ["discipline[0].system", "discipline[0].date"])
    }
}
