import Diagnostics

/// The outcome of one example or test case of `appraise rules test`.
public struct ExampleResult: Sendable {
    public enum Kind: String, Sendable {
        case triggers, passes, test
    }

    public enum Outcome: Sendable, Equatable {
        case passed
        /// The expectation did not hold; the reason is a sentence.
        case failed(String)
        /// The example could not run (it does not validate, or has no date).
        case error([Diagnostic])
    }

    /// `DISC-STATE-BAR triggers[0]`, or a test's name.
    public var name: String
    /// The rule it checks (a test: the rules, joined by ", ").
    public var rule: String
    public var kind: Kind
    /// Where the example or test is written.
    public var location: SourceLocation
    public var outcome: Outcome
    /// What was expected, as text (`≥ 1 finding of X`, `no finding of X`, `X at discipline[0]`).
    public var expected: [String]
    /// The findings the checked rules gave, with locations and evidence.
    public var actual: [Finding]
    /// For a `triggers` example that gave no finding: what the rule read where `when` was false.
    public var misses: [RuleMiss] = []

    public var passed: Bool { outcome == .passed }
}

/// Every result of a `rules test` run, with the problems that make the run exit 2.
public struct ExampleReport: Sendable {
    public var results: [ExampleResult]
    /// Tests that cannot fail, files that do not load (exit code 2).
    public var problems: [Diagnostic]

    public var passedCount: Int { results.filter(\.passed).count }
    public var failedCount: Int { results.count - passedCount }

    /// `N passed, M failed`.
    public var summary: String { "\(passedCount) passed, \(failedCount) failed" }

    /// 0 all passed, 1 some failed, 2 a test that cannot fail or a file that does not load.
    public var exitCode: Int32 {
        if problems.contains(where: { $0.severity == .error }) { return 2 }
        return failedCount > 0 ? 1 : 0
    }
}
