import Foundation
import Reports
import RuleEngine
import Testing

/// The JSON and JSONL reports parse back with the fields and key order `cli.md` gives.
@Suite struct JSONReporterTests {
    let report = ReportFixture.report

    func parse(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func documentFields() throws {
        let json = try parse(report.rendered(as: .json))
        #expect(json["as_of"] as? String == "2025-09-20")
        #expect(json["as_of_source"] as? String == "slate")
        let rules = try #require(json["rules"] as? [String: Any])
        #expect(rules["count"] as? Int == 24)
        let candidates = try #require(json["candidates"] as? [[String: Any]])
        #expect(candidates.count == 3)
        #expect(candidates[0]["name"] as? String == "Nguyễn Văn An")
        #expect(candidates[0]["verdict"] as? String == "ineligible")
        #expect(candidates[2]["id"] is NSNull)
        #expect(candidates[2]["name"] is NSNull)
        let findings = try #require(candidates[0]["findings"] as? [[String: Any]])
        #expect(findings[0]["rule"] as? String == "DISC-STATE-BAR")
        let location = try #require(findings[0]["location"] as? [String: Any])
        #expect(location["line"] as? Int == 41)
        #expect(location["column"] as? Int == 5)
        #expect(location["path"] as? String == "discipline[0]")
        let evidence = try #require(findings[1]["evidence"] as? [[String: Any]])
        #expect(evidence[0]["value"] as? Int == 358_000_000)
        #expect(evidence[1]["value"] as? Double == 14.5)
        let errors = try #require(candidates[2]["errors"] as? [[String: Any]])
        #expect(errors[0]["code"] as? String == "yaml.duplicate-key")
        #expect(errors[0]["line"] as? Int == 4)
        #expect(errors[0]["path"] as? String == "candidate.name")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["invalid"] as? Int == 1)
        #expect(summary["slate_findings"] as? Int == 1)
    }

    @Test func keyOrderFollowsTheSpec() {
        let text = report.rendered(as: .json)
        let keys = ["tool", "as_of", "as_of_source", "rules", "candidates", "slate", "summary"]
        let positions = keys.compactMap { text.range(of: "\n  \"\($0)\": ")?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
    }

    @Test func jsonlHasCandidatesThenSlateThenSummary() throws {
        let lines = report.rendered(as: .jsonl).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 7)
        #expect(lines.last == "")
        let all = try lines.dropLast().map { try parse(String($0)) }
        let run = try #require(all[0]["run"] as? [String: Any])
        #expect(run["as_of"] as? String == "2025-09-20")
        #expect((run["rules"] as? [String: Any])?["sources"] as? [String] == ["shipped"])
        let objects = Array(all.dropFirst())
        #expect(objects[0]["id"] as? String == "HN-0042")
        #expect(objects[1]["id"] as? String == "HN-0043")
        #expect(objects[2]["file"] as? String == "candidates/hồ sơ lỗi/broken.yaml")
        let slate = try #require(objects[3]["slate"] as? [String: Any])
        let findings = try #require(slate["findings"] as? [[String: Any]])
        let related = try #require(findings[0]["related"] as? [[String: Any]])
        #expect(related[0]["file"] as? String == "candidates/trần thị bình.yaml")
        #expect(related[0]["line"] as? Int == 18)
        let summary = try #require(objects[4]["summary"] as? [String: Any])
        #expect(summary["candidates"] as? Int == 3)
    }

    @Test func streamingLinesMatchTheWholeReport() {
        var streamed = JSONReporter.runLine(report)
        for candidate in report.candidates { streamed += JSONReporter.candidateLine(candidate) }
        streamed += JSONReporter.slateLine(report.slate)
        streamed += JSONReporter.summaryLine(report.summary)
        #expect(streamed == report.rendered(as: .jsonl))
    }

    @Test func slateAndSummaryLinesAreExact() {
        #expect(
            JSONReporter.summaryLine(report.summary)
                == #"{"summary":{"candidates":3,"eligible":1,"review":0,"ineligible":1,"invalid":1,"slate_findings":1,"cleared":0}}"#
                + "\n")
        #expect(JSONReporter.slateLine(Report.SlateInfo()) == #"{"slate":{"file":null,"committee":null,"findings":[]}}"# + "\n")
    }

    /// A report written after its header made once (the server's `/v1/check`) is byte for byte
    /// the whole report, with and without decisions, and with no candidates.
    @Test func reportAfterAPrettyHeaderIsTheWholeReport() {
        var empty = ReportFixture.report
        empty.candidates = []
        for report in [ReportFixture.report, ReportFixture.reviewed, empty] {
            let header = Array(JSONReporter.prettyHeader(report).utf8)
            #expect(JSONReporter.renderUTF8(report, after: header) == Array(report.rendered(as: .json).utf8))
        }
    }
}
