import Reports
import RuleEngine
import Screening
import Testing

/// `ReportSink`: slate findings given a part at a time make the same report, byte for byte,
/// as the whole report rendered at once, streamed (JSON Lines) or not.
@Suite struct ReportSinkTests {
    static let header = Report(
        tool: Report.Tool(version: "0.0.0"), asOf: "2025-09-20", asOfSource: .option, language: "en",
        rules: Report.RuleSetInfo(count: 3, digest: "sha256:00"), candidates: [],
        slate: Report.SlateInfo(file: "slate.yaml", committee: "Ban Chấp hành"))

    static let candidate = CandidateResult(
        file: "a.yaml", digest: "sha256:aa", id: "A-01", name: "Nguyễn Văn An", verdict: .eligible, findings: [], errors: [])

    static func findings(_ count: Int) -> [Finding] {
        (0..<count).map { index in
            Finding(
                rule: "SLATE-RELATIVES", severity: .note, title: "Relatives", message: "\"A\" and B-\(index)",
                basis: "Quy định 114-QĐ/TW",
                location: FindingLocation(file: "d\(index).yaml", line: 2, column: 3, path: "candidate"),
                related: [FindingLocation(file: "a.yaml", line: 2, column: 3, path: "candidate")],
                subjects: ["A-01", "B-\(index)"])
        }
    }

    /// The report a sink wrote in `format` when given the slate findings in parts of `part`.
    static func written(_ format: ReportFormat, findings: [Finding], part: Int) throws -> String {
        let output = MemoryReportOutput(format: format)
        let sink = try ReportSink(destinations: [output], header: header, options: ReportOptions())
        try sink.add(candidate)
        for start in stride(from: 0, to: findings.count, by: part) {
            try sink.addSlateFindings(Array(findings[start..<min(start + part, findings.count)]))
        }
        try sink.finish(header)
        #expect(sink.summary.slateFindings == findings.count)
        return output.text
    }

    static func whole(_ format: ReportFormat, findings: [Finding]) -> String {
        var report = header
        report.candidates = [candidate]
        report.slate.findings = findings
        report.summary = Report.Summary(candidates: [candidate], slateFindings: findings)
        return report.rendered(as: format)
    }

    @Test(arguments: [0, 1, 300])
    func partsMakeTheWholeReport(count: Int) throws {
        let findings = Self.findings(count)
        for format in [ReportFormat.jsonl, .json, .text] {
            #expect(try Self.written(format, findings: findings, part: 7) == Self.whole(format, findings: findings))
        }
    }

    /// Findings given in the header, as callers that hold them all may, count the same.
    @Test func findingsInTheHeaderCount() throws {
        let findings = Self.findings(3)
        let output = MemoryReportOutput(format: .jsonl)
        let sink = try ReportSink(destinations: [output], header: Self.header, options: ReportOptions())
        try sink.add(Self.candidate)
        var report = Self.header
        report.slate.findings = findings
        try sink.finish(report)
        #expect(output.text == Self.whole(.jsonl, findings: findings))
    }

    /// Streamed lines are handed on in chunks: a report several chunks long is the whole
    /// report, byte for byte, with every line whole.
    @Test func streamedChunksMakeTheWholeReport() throws {
        let findings = Self.findings(3)
        var candidates: [CandidateResult] = []
        for index in 0..<400 {
            var candidate = Self.candidate
            candidate.id = "A-\(index)"
            candidate.findings = findings
            candidates.append(candidate)
        }
        let output = MemoryReportOutput(format: .jsonl)
        let sink = try ReportSink(destinations: [output], header: Self.header, options: ReportOptions())
        for candidate in candidates { try sink.add(candidate) }
        try sink.addSlateFindings(findings)
        try sink.finish(Self.header)
        var report = Self.header
        report.candidates = candidates
        report.slate.findings = findings
        report.summary = Report.Summary(candidates: candidates, slateFindings: findings)
        #expect(output.text.utf8.count > 3 * ReportSink.streamChunkBytes)
        #expect(output.text == report.rendered(as: .jsonl))
    }
}
