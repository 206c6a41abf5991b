import Foundation
import Testing
import TestSupport

/// Issue 20, "every report says what ran": the evaluation date and its source, and the rule
/// sources, count and digest, in `check`'s text as in every other format.
@Suite struct RunProvenanceTests {
    static let dossier = "candidates/hoang-van-duc.yaml"

    @Test func checkTextStartsWithTheDateAndTheRules() throws {
        let run = try runAppraise(["check", "--as-of", "2025-09-20", Self.dossier])
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "As of: 2025-09-20 (chosen for this run)")
        #expect(lines[1].hasPrefix("Rules: ") && lines[1].contains(", the shipped set (sha256:"), "\(lines[1])")
        #expect(lines[2] == "")
        #expect(lines[3].hasPrefix("INELIGIBLE  NB-2025-005"))
    }

    @Test func todayIsSaidOnTheFirstLine() throws {
        for command in [["check", Self.dossier], ["screen", "candidates"]] {
            let run = try runAppraise(command)
            let first = run.stdout.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasPrefix("As of: ") && first.contains(" (today) — "), "\(command): \(first)")
            #expect(first.contains("pass --as-of YYYY-MM-DD"))
        }
        let vi = try runAppraise(["check", "--lang", "vi", Self.dossier])
        #expect(vi.stdout.hasPrefix("Tính đến ngày: ") && vi.stdout.contains("(hôm nay) — "))
    }

    @Test func rulesThatReplaceTheShippedSetSaySoAndHowToAddIt() throws {
        let run = try runAppraise(["check", "--rules", "rules/complaints.yaml", "--as-of", "2025-09-20", "candidates/tran-van-binh.yaml"])
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("Rules: 3, from rules/complaints.yaml (sha256:"), "\(lines[1])")
        #expect(lines[2] == "Note: the shipped rules did not run (--rules replaces them); add --rules rules to run them too")
        let json = try CLIFixtures.object(try runAppraise(
            ["check", "--format", "json", "--rules", "rules/complaints.yaml", "--as-of", "2025-09-20", "candidates/tran-van-binh.yaml"]).stdout)
        let rules = try #require(json["rules"] as? [String: Any])
        #expect(rules["sources"] as? [String] == ["rules/complaints.yaml"])
        #expect(rules["includes_shipped"] as? Bool == false)
    }

    @Test func theShippedFolderGivenByAnyPathCountsAsShipped() throws {
        let run = try runAppraise(["check", "--rules", "./rules/", "--as-of", "2025-09-20", Self.dossier])
        #expect(run.stdout.contains("Rules: 30, from ./rules/ (sha256:") || run.stdout.contains(", from ./rules/ (sha256:"))
        #expect(!run.stdout.contains("Note: the shipped rules did not run"))
    }

    @Test(arguments: ["json", "jsonl", "sarif", "markdown", "html", "text"])
    func everyFormatNamesTheDateItsSourceAndTheRules(format: String) throws {
        let run = try runAppraise(["screen", "candidates/slate.yaml", "--format", format, "--fail-on", "never"])
        #expect(run.code == 0, "\(run.stderr)")
        let digest = try #require(try CLIFixtures.object(
            try runAppraise(["check", "--format", "json", "--as-of", "2025-09-20", Self.dossier]).stdout)["rules"] as? [String: Any])["digest"] as? String
        #expect(run.stdout.contains(try #require(digest)))
        #expect(run.stdout.contains("2025-09-20"))
        let source = ["json": "\"slate\"", "jsonl": "\"slate\"", "sarif": "\"slate\""][format] ?? "congress date"
        #expect(run.stdout.contains(source), "\(format)")
        #expect(run.stdout.contains("shipped"), "\(format)")
    }
}
