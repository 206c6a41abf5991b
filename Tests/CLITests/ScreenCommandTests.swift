import Foundation
import Testing
import TestSupport

/// `appraise screen` end to end: slate rules, folders, batches with bad input, several
/// reports in one run, and byte-identical output whatever `--jobs` is.
@Suite struct ScreenCommandTests {
    static func slateFindings(_ stdout: String) throws -> [(rule: String, files: [String])] {
        let slate = try #require(try CLIFixtures.object(stdout)["slate"] as? [String: Any])
        let findings = try #require(slate["findings"] as? [[String: Any]])
        return findings.map { finding in
            let location = (finding["location"] as? [String: Any])?["file"] as? String ?? ""
            let related = (finding["related"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
            return (finding["rule"] as? String ?? "", [location] + related)
        }
    }

    @Test func shippedSlateTriggersEverySlateRule() throws {
        let run = try runAppraise(["screen", "candidates/slate.yaml", "--format", "json"])
        #expect(run.code == 1)
        let json = try CLIFixtures.object(run.stdout)
        #expect(json["as_of"] as? String == "2025-09-20")
        #expect(json["as_of_source"] as? String == "slate")
        let findings = try Self.slateFindings(run.stdout)
        #expect(findings.map { "\($0.rule) \($0.files.joined(separator: " "))" } == [
            "SLATE-RELATIVES-RELATED-POSTS candidates/le-thi-hong.yaml candidates/nguyen-van-an.yaml",
            "SLATE-DUPLICATE-PERSON candidates/phan-van-tai-ho-so-2.yaml candidates/phan-van-tai.yaml",
            "SLATE-SEATS candidates/slate.yaml",
            "SLATE-RELATIVES candidates/hoang-van-duc.yaml candidates/vu-thi-mai.yaml",
            "SLATE-RELATIVES candidates/do-quang-thuan.yaml candidates/ngo-van-khoa.yaml",
            "SLATE-WOMEN-SHARE candidates/slate.yaml",
            "SLATE-YOUNG-SHARE candidates/slate.yaml",
            "SLATE-MINORITY-SHARE candidates/slate.yaml",
        ])
        let summary = try #require(json["summary"] as? [String: Int])
        // candidates/decisions.yaml clears NB-2025-009's only review finding.
        #expect(summary == [
            "candidates": 19, "eligible": 5, "review": 8, "ineligible": 6, "invalid": 0, "slate_findings": 8, "cleared": 1,
        ])
    }

    /// Without a usable temporary folder the slate's records stay in memory: same report.
    @Test func slateRecordsFallBackToMemory() throws {
        let onDisk = try runAppraise(["screen", "candidates/slate.yaml", "--format", "json"])
        let inMemory = try runAppraise(
            ["screen", "candidates/slate.yaml", "--format", "json"], environment: ["TMPDIR": "/nonexistent/appraise"])
        #expect(inMemory.code == 1)
        #expect(inMemory.stdout == onDisk.stdout)
        #expect(inMemory.stderr == "")
    }

    static func dossier(id: String, name: String, born: String, gender: String, minority: Bool, citizen: String) -> String {
        """
        format: dossier/1
        candidate:
          id: \(id)
          name: \(name)
          citizen_id: '\(citizen)'
          gender: \(gender)
          ethnic_minority: \(minority)
          birth_date: \(born)
          nomination: {level: provincial, kind: first_time, post: member}

        """
    }

    /// Two unrelated candidates that meet every target: no slate rule fires.
    static let quietSlate: [String: String] = [
        "slate.yaml": """
            format: slate/1
            slate: {committee: Ban thử, level: provincial, congress_date: 2025-09-20, seats: 2,
                    targets: {women: 0.5, young: {under_age: 42, share: 0.5}, ethnic_minority: 0.5}}
            candidates: ['d/*.yaml']

            """,
        "d/a.yaml": dossier(id: "Q-1", name: "Lò Thị Én", born: "1988-01-02", gender: "female", minority: true, citizen: "011188000001"),
        "d/b.yaml": dossier(id: "Q-2", name: "Nguyễn Văn Bình", born: "1975-03-04", gender: "male", minority: false, citizen: "037075000002"),
    ]

    @Test func noSlateRuleFiresOnAQuietSlate() throws {
        let folder = try CLIFixtures.folder(Self.quietSlate)
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["screen", "slate.yaml", "--format", "json", "--fail-on", "never"], cwd: folder)
        #expect(run.code == 0, "\(run.stdout)\(run.stderr)")
        #expect(try Self.slateFindings(run.stdout).map(\.rule) == [])
    }

    @Test func folderHasNoSlateSoShareAndSeatRulesDoNotApply() throws {
        let run = try runAppraise(["screen", "candidates", "--as-of", "2025-09-20", "--format", "json"])
        #expect(run.code == 2, "candidates/invalid/ is below the folder")
        let json = try CLIFixtures.object(run.stdout)
        #expect(json["as_of_source"] as? String == "option")
        let candidates = try #require(json["candidates"] as? [[String: Any]])
        #expect(candidates.map { $0["file"] as? String ?? "" } == CLIFixtures.candidateFiles.sortedInsertingInvalid())
        let rules = try Self.slateFindings(run.stdout).map(\.rule)
        #expect(rules == ["SLATE-RELATIVES-RELATED-POSTS", "SLATE-DUPLICATE-PERSON", "SLATE-RELATIVES", "SLATE-RELATIVES"])
        #expect(run.stderr.contains("candidates/slate.yaml is a slate file (format slate/1); skipped"))
    }

    @Test func invalidAndDuplicateIdDossiersInABatch() throws {
        let good = try String(contentsOf: CLIFixtures.root.appendingPathComponent("candidates/nguyen-van-an.yaml"), encoding: .utf8)
        let folder = try CLIFixtures.folder([
            "batch/a.yaml": good, "batch/b.yaml": good, "batch/c.yaml": "format: dossier/1\ncandidate: {id: X}\n",
        ])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["screen", "batch", "--as-of", "2025-09-20", "--format", "json"], cwd: folder)
        #expect(run.code == 2)
        let candidates = try #require(try CLIFixtures.object(run.stdout)["candidates"] as? [[String: Any]])
        #expect(candidates.map { $0["verdict"] as? String ?? "" } == ["eligible", "invalid", "invalid"])
        let duplicate = try #require(candidates[1]["errors"] as? [[String: Any]])
        #expect(duplicate.map { $0["code"] as? String } == ["input.duplicate-id"])
        let message = duplicate.first?["message"] as? String ?? ""
        #expect(message.contains("batch/a.yaml") && message.contains("NB-2025-001"), "\(message)")
        let missing = try #require(candidates[2]["errors"] as? [[String: Any]])
        #expect(missing.map { "\($0["line"] ?? ""):\($0["column"] ?? "") \($0["message"] ?? "")" } == [
            "2:12 missing required field candidate.birth_date", "2:12 missing required field candidate.name",
        ])
    }

    @Test func severalReportsInOneRunAndOnlyTheSummaryOnStdout() throws {
        let folder = try CLIFixtures.folder([:])
        defer { CLIFixtures.remove(folder) }
        let html = folder.appendingPathComponent("report.html").path
        let json = folder.appendingPathComponent("report.json").path
        let run = try runAppraise(["screen", "candidates/slate.yaml", "--output", "html=" + html, "--output", "json=" + json])
        #expect(run.code == 1)
        #expect(run.stdout == "19 candidates: 5 eligible, 8 review, 6 ineligible, 0 invalid, 1 cleared; 8 slate findings\n")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") || page.hasPrefix("<!doctype html>"))
        #expect(!page.contains("<script src") && !page.contains("<link "), "self-contained")
        let report = try CLIFixtures.object(try String(contentsOfFile: json, encoding: .utf8))
        #expect((report["summary"] as? [String: Int])?["ineligible"] == 6)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers == [])
    }

    @Test(arguments: ["json", "jsonl", "csv", "sarif", "html", "markdown", "text"])
    func jobsDoNotChangeTheBytes(format: String) throws {
        let one = try runAppraise(["screen", "candidates/slate.yaml", "--jobs", "1", "--format", format])
        let four = try runAppraise(["screen", "candidates/slate.yaml", "--jobs", "4", "--format", format])
        #expect(one.code == 1)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == four.stdout)
    }
}

extension Array where Element == String {
    /// The shipped dossiers plus `invalid/`, in the order `screen DIR` walks them (UTF-8 bytes).
    fileprivate func sortedInsertingInvalid() -> [String] {
        (self + ["candidates/invalid/nguyen-thi-loi.yaml"]).sorted { [UInt8]($0.utf8).lexicographicallyPrecedes([UInt8]($1.utf8)) }
    }
}
