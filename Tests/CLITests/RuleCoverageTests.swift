import Foundation
import Testing
import TestSupport

/// The shipped candidates exercise the shipped rule set: every candidate rule fires on at
/// least one dossier.
@Suite struct RuleCoverageTests {
    /// The candidate rule ids of `rules/*.yaml` (every `- id:` outside slate.yaml).
    static func candidateRuleIDs() throws -> Set<String> {
        let folder = CLIFixtures.root.appendingPathComponent("rules")
        var ids = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where name.hasSuffix(".yaml") && !["schema.yaml", "calendar.yaml", "slate.yaml"].contains(name) {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("  - id: ") {
                ids.insert(String(line.dropFirst("  - id: ".count)).trimmingCharacters(in: .whitespaces))
            }
        }
        return ids
    }

    @Test func everyCandidateRuleIsTriggered() throws {
        let expected = try Self.candidateRuleIDs()
        #expect(expected.count >= 20)
        let run = try runAppraise(["check", "--format", "json", "--as-of", "2025-09-20"] + CLIFixtures.candidateFiles)
        let candidates = try #require(try CLIFixtures.object(run.stdout)["candidates"] as? [[String: Any]])
        let fired = Set(candidates.flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } })
        #expect(expected.subtracting(fired).sorted() == [])
        #expect(fired.subtracting(expected).sorted() == [])
    }
}
