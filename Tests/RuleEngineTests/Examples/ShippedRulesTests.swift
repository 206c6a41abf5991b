import Reports
import Foundation
import RuleEngine
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

    @Test func everyShippedExamplePasses() {
        let report = ExampleRunner(prepared: Self.prepared()).run()
        let failures = report.results.filter { !$0.passed }
        #expect(failures.isEmpty, "\(report.renderText())")
        #expect(report.problems.map(\.description) == [])
        #expect(report.results.count > 0)
    }
}
