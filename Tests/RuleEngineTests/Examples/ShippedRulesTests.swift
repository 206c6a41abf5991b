import Reports
import Foundation
import RuleEngine
import Screening
import Testing
import TestSupport

/// Every shipped rule runs its own examples (and the shipped test files): a failing example
/// names the rule and the example's line.
@Suite struct ShippedRulesTests {
    /// `APPRAISE_SHIPPED_RULES` overrides the folder (to try a fixed copy).
    static let rulesFolder = ProcessInfo.processInfo.environment["APPRAISE_SHIPPED_RULES"]
        ?? packageRoot().deletingLastPathComponent().appendingPathComponent("rules").path

    static func prepared() -> PreparedRuleSet {
        let ruleSet = RuleSetLoader.load(paths: [], shipped: rulesFolder, fileSystem: DiskFileSystem())
        return PreparedRuleSet.prepare(ruleSet)
    }

    @Test func shippedRulesLoadAndCompileWithoutErrors() {
        let prepared = Self.prepared()
        let errors = prepared.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.description) == [])
        #expect(prepared.ruleSet.count == prepared.compiled.rules.count)
        #expect(prepared.ruleSet.digest.hasPrefix("sha256:"))
    }

    /// The examples and shipped tests, run once for all the cases below.
    static let report = ExampleRunner(prepared: prepared()).run()

    /// The name of every example and test (`DISC-STATE-BAR triggers[0]`), one case each.
    static let exampleNames = report.results.map(\.name)

    @Test func theShippedRulesHaveExamplesAndNoProblems() {
        #expect(Self.report.problems.map(\.description) == [])
        #expect(Self.report.results.count > 0)
    }

    /// One case per rule and example, so a failure names them; the message says why.
    @Test(arguments: exampleNames)
    func shippedExamplePasses(name: String) {
        for result in Self.report.results where result.name == name {
            switch result.outcome {
            case .passed: break
            case .failed(let reason): Issue.record("\(result.location): \(reason)")
            case .error(let diagnostics): Issue.record("\(diagnostics.map(\.description).joined(separator: "\n"))")
            }
        }
    }
}
