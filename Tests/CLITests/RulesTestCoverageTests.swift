import Foundation
import Testing
import TestSupport

/// `appraise rules test --coverage` on the shipped rules: lcov written atomically to a file,
/// JSON alone on standard output, and `--fail-under` deciding the exit status.
@Suite struct RulesTestCoverageTests {
    @Test func lcovGoesToTheFileAndTheTestResultsToStandardOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("rules.lcov")
        let run = try runAppraise(["rules", "test", "--coverage-format", "lcov", "--coverage-output", output.path])
        #expect(run.code == 0)
        #expect(run.stdout.hasSuffix(" passed, 0 failed\n"))
        let lcov = try String(contentsOf: output, encoding: .utf8)
        #expect(lcov.hasPrefix("TN:\nSF:rules/age-and-posts.yaml\nFN:"))
        #expect(lcov.contains("SF:rules/declarations.yaml\n"))
        #expect(lcov.contains(",DECL-INCREASE-UNEXPLAINED\n"))
        let ruleFiles = try FileManager.default.contentsOfDirectory(atPath: CLIFixtures.root.appendingPathComponent("rules").path)
            .filter { $0.hasSuffix(".yaml") && $0 != "schema.yaml" && $0 != "calendar.yaml" }
        #expect(lcov.components(separatedBy: "end_of_record\n").count - 1 == ruleFiles.count)
    }

    @Test func jsonStandsAloneOnStandardOutput() throws {
        let run = try runAppraise(["rules", "test", "--coverage-format", "json"])
        #expect(run.code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let total = try #require(json["total"] as? [String: Any])
        #expect((total["total"] as? Int ?? 0) > 0)
        #expect(run.stderr.contains(" passed, 0 failed"))
    }

    @Test func failUnderDecidesTheExitStatus() throws {
        let below = try runAppraise(["rules", "test", "--fail-under", "100"])
        let figure = try #require(below.stdout.split(separator: "\n").last { $0.hasPrefix("branch coverage: ") })
        if figure.hasSuffix("(100.0%)") {
            #expect(below.code == 0)
        } else {
            #expect(below.code == 1)
            #expect(below.stderr.contains("is below --fail-under 100.0%"))
        }
        #expect(try runAppraise(["rules", "test", "--fail-under", "0"]).code == 0)
        #expect(try runAppraise(["rules", "test", "--fail-under", "101"]).code == 2)
    }
}
