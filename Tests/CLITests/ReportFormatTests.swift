import Foundation
import Testing
import TestSupport

/// Each report format of `screen` parsed back: JSON (exact shape), JSONL, CSV, SARIF.
@Suite struct ReportFormatTests {
    static func screen(_ format: String) throws -> AppraiseRun {
        try runAppraise(["screen", "candidates/slate.yaml", "--format", format])
    }

    @Test func jsonHasExactlyTheDocumentedShape() throws {
        let run = try runAppraise([
            "check", "--format", "json", "--as-of", "2025-09-20", "candidates/pham-van-lam.yaml",
            "candidates/invalid/nguyen-thi-loi.yaml",
        ])
        #expect(run.code == 2)
        let json = try CLIFixtures.object(run.stdout)
        #expect(Set(json.keys) == ["tool", "as_of", "as_of_source", "rules", "candidates", "slate", "summary"])
        #expect(json["tool"] as? [String: String] == ["name": "appraise", "version": "0.1.0"])
        #expect(json["as_of"] as? String == "2025-09-20")
        #expect(json["as_of_source"] as? String == "option")
        let rules = try #require(json["rules"] as? [String: Any])
        #expect(Set(rules.keys) == ["count", "digest", "policy_params", "sources", "includes_shipped"])
        #expect(rules["policy_params"] as? [String] == [
            "violation_lookback_years", "substantiated_lookback_years", "untruthful_lookback_years",
            "unexplained_lookback_years", "missing_annual_years", "nomination_declaration_months", "income_ratio",
        ])
        #expect(rules["sources"] as? [String] == ["shipped"])
        #expect(rules["includes_shipped"] as? Bool == true)
        #expect((rules["count"] as? Int ?? 0) >= 24)
        #expect((rules["digest"] as? String)?.hasPrefix("sha256:") == true)
        #expect((rules["digest"] as? String)?.count == 7 + 64)
        let candidates = try #require(json["candidates"] as? [[String: Any]])
        for candidate in candidates {
            #expect(Set(candidate.keys) == ["file", "digest", "id", "name", "verdict", "findings", "errors"])
        }
        let finding = try #require((candidates[0]["findings"] as? [[String: Any]])?.first)
        #expect(Set(finding.keys) == [
            "rule", "severity", "title", "message", "basis", "location", "evidence", "comparisons", "related",
            "fingerprint", "status",
        ])
        let fingerprint = try #require(finding["fingerprint"] as? [String: String])
        #expect(fingerprint.keys.sorted() == ["content", "identity"])
        #expect(fingerprint.values.allSatisfy { $0.hasPrefix("sha256:") && $0.count == 7 + 64 })
        #expect(finding["status"] as? String == "open")
        let location = try #require(finding["location"] as? [String: Any])
        #expect(location.keys.sorted() == ["column", "end_column", "end_line", "file", "line", "path"])
        #expect("\(location["file"] ?? "") \(location["line"] ?? "") \(location["column"] ?? "") \(location["path"] ?? "")"
            == "candidates/pham-van-lam.yaml 115 3 verifications[0]")
        let evidence = try #require((finding["evidence"] as? [[String: Any]])?.first)
        #expect(Set(evidence.keys) == ["path", "file", "line", "column", "value"])
        #expect(finding["related"] as? [Any] != nil)
        #expect(candidates[1]["verdict"] as? String == "invalid")
        let error = try #require((candidates[1]["errors"] as? [[String: Any]])?.first)
        #expect(Set(error.keys) == ["code", "severity", "message", "file", "line", "column", "end_line", "end_column", "path"])
        let slate = try #require(json["slate"] as? [String: Any])
        #expect(slate["findings"] as? [Any] != nil)
        #expect(json["summary"] as? [String: Int] == [
            "candidates": 2, "eligible": 0, "review": 1, "ineligible": 0, "invalid": 1, "slate_findings": 0,
            "cleared": 0,
        ])
    }

    @Test func jsonlIsOneCandidateALineThenSlateThenSummary() throws {
        let run = try Self.screen("jsonl")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 19 + 3)
        let all = try lines.map(CLIFixtures.object)
        #expect(all[0].keys.sorted() == ["run"])
        let objects = Array(all.dropFirst())
        #expect(objects.prefix(19).allSatisfy { $0["verdict"] is String && $0["file"] is String })
        #expect(objects[19].keys.sorted() == ["slate"])
        // The shipped slate names candidates/decisions.yaml: its section comes before the summary.
        #expect(objects[20].keys.sorted() == ["decisions"])
        #expect(objects[21].keys.sorted() == ["summary"])
        #expect(((objects[19]["slate"] as? [String: Any])?["findings"] as? [Any])?.count == 8)
    }

    @Test func csvReadsBackWithAnRFC4180Reader() throws {
        let run = try Self.screen("csv")
        let rows = CSVReader.rows(run.stdout)
        #expect(rows.first == [
            "file", "candidate_id", "candidate_name", "verdict", "rule", "severity", "message", "basis", "line",
            "column", "path", "status", "reason",
        ])
        #expect(rows.allSatisfy { $0.count == 13 })
        let cuong = try #require(rows.first { $0[4] == "CASE-OPEN" })
        #expect(cuong == [
            "candidates/bui-van-cuong.yaml", "NB-2025-008", "Bùi Văn Cường", "ineligible", "CASE-OPEN", "disqualify",
            "investigation opened 2025-04-08 by Cơ quan Cảnh sát điều tra Công an tỉnh Ninh Bình is not closed: the Law on Cadres and Civil Servants bars nomination while it is open",
            "Luật Cán bộ, công chức 2025 (Luật 80/2025/QH15); Quy định 69-QĐ/TW", "114", "3", "investigations[1]", "open", "",
        ])
        let json = try CLIFixtures.object(try Self.screen("json").stdout)
        let findingCount = (json["candidates"] as? [[String: Any]] ?? []).map { ($0["findings"] as? [Any])?.count ?? 0 }.reduce(0, +)
        let clean = (json["candidates"] as? [[String: Any]] ?? []).filter { ($0["findings"] as? [Any])?.isEmpty == true }.count
        #expect(rows.filter { $0[4].isEmpty }.count == clean, "a row with no rule for each candidate without findings")
        #expect(rows.filter { !$0[4].isEmpty && !$0[4].hasPrefix("SLATE-") }.count - 1 == findingCount)
    }

    @Test func sarifValidatesAgainstTheSchema() throws {
        let run = try Self.screen("sarif")
        let schemaURL = CLIFixtures.root.appendingPathComponent("Tests/ReportsTests/Schemas/sarif-schema-2.1.0.json")
        let schema = try String(contentsOf: schemaURL, encoding: .utf8)
        let sarif = try CLIFixtures.object(run.stdout)
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "SLATE-RELATIVES" && ($0["relatedLocations"] as? [Any])?.isEmpty == false })
        guard let errors = try jsonSchemaErrors(schema: schema, documents: ["screen": run.stdout]) else {
            Issue.record("python3 with jsonschema is missing: pip install jsonschema")
            return
        }
        #expect(errors["screen"] == [])
    }
}
