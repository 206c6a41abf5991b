import Testing
@testable import CEL

/// `Program.mayListReads`: an expression with no field of a known record type explains with
/// no read, so `Evidence` may leave it unexplained; one with such a field lists its reads.
struct ExplainReadsTests {
    /// The test environment with `dd` and `dl`: `d` and `discipline` as `dyn`.
    static func explain(_ text: String) throws -> (mayListReads: Bool, reads: [String]) {
        let (environment, activation) = TestEnvironment.make()
        let child = environment.extended()
        let dd = child.declare(variable: "dd", type: .dyn)
        let dl = child.declare(variable: "dl", type: .dyn)
        var scoped = activation
        let d = try #require(environment.lookup(variable: "d")?.slot)
        let list = try #require(environment.lookup(variable: "discipline")?.slot)
        scoped[dd] = activation[d]
        scoped[dl] = activation[list]
        let program = try Program.compile(text, in: child)
        let explanation = program.explain(scoped, subexpressions: false, comparisons: false)
        return (program.mayListReads, explanation.reads.map(\.origin.path))
    }

    /// Each expression with whether it has a field of a known record type.
    @Test(arguments: [
        ("dd.form == 'warning'", false),
        ("size(dl.filter(x, x.form in ['warning', 'removal']))", false),
        ("dl.map(x, has(x.months) ? x.months : 0)", false),
        ("dl.exists(x, x.system == 'state') ? dd.form : 'none'", false),
        ("m['a'] + 1", false),
        ("d.form == 'warning'", true),
        ("size(discipline.filter(x, x.form in ['warning', 'removal']))", true),
        ("dl.exists(x, x.system == 'state') ? d.form : 'none'", true),
        ("has(d.months) || d.form != 'x'", true),
    ])
    func readsAreListedOnlyForKnownFields(text: String, known: Bool) throws {
        let result = try Self.explain(text)
        #expect(result.mayListReads == known)
        #expect(result.reads.isEmpty == !known)
    }

    /// One explanation lists each path once, however often the decisive part reads it (and
    /// after `||` dropped what its left side recorded): `Evidence` counts on it to dedupe only
    /// against a `let`'s reads.
    @Test(arguments: [
        "d.form == 'warning' && d.form != 'x' && d.date <= as_of && d.form in ['warning']",
        "discipline.all(x, x.form != 'x') && discipline.all(x, x.form != 'y')",
        "(d.form == 'x' || d.form == 'warning') && (d.form == 'y' || d.form != 'z')",
    ])
    func readsHaveDistinctPaths(text: String) throws {
        let (environment, activation) = TestEnvironment.make()
        let reads = try Program.compile(text, in: environment).explain(activation, subexpressions: false).reads
        #expect(!reads.isEmpty)
        #expect(Set(reads.map(\.origin.path)).count == reads.count)
    }
}
