import Diagnostics
import Reports
import RuleEngine

/// The one fixed report every golden file is rendered from: an ineligible candidate with
/// evidence, an eligible one, an invalid dossier in a folder with a space, and a slate
/// finding with a related location. Vietnamese names with diacritics throughout.
enum ReportFixture {
    static let anFile = "candidates/nguyen-van-an.yaml"
    static let binhFile = "candidates/trần thị bình.yaml"
    static let brokenFile = "candidates/hồ sơ lỗi/broken.yaml"

    static var report: Report {
        Report(
            tool: Report.Tool(version: "0.1.0"), asOf: "2025-09-20", asOfSource: .slate,
            rules: Report.RuleSetInfo(count: 24, digest: "sha256:" + String(repeating: "ab12", count: 16)),
            candidates: [an, binh, broken],
            slate: Report.SlateInfo(file: "candidates/slate.yaml", committee: "Ban Chấp hành Đảng bộ tỉnh Hà Nam", findings: [relatives])
        )
    }

    static let an = CandidateResult(
        file: anFile, digest: "sha256:" + String(repeating: "0f", count: 32), id: "HN-0042",
        name: "Nguyễn Văn An", verdict: .ineligible,
        findings: [
            Finding(
                rule: "DISC-STATE-BAR", severity: .disqualify, title: "Recent discipline",
                message: "Disciplined on 2025-01-10 (warning), 8 months before 2025-09-20; the bar is 12 months.",
                basis: "Quy định 22-QĐ/TW, Article 5", location: FindingLocation(
                    file: anFile, line: 41, column: 5, path: "discipline[0]", endLine: 44, endColumn: 1),
                evidence: [
                    EvidenceItem(location: FindingLocation(file: anFile, line: 42, column: 11, path: "discipline[0].date"), value: .string("2025-01-10")),
                    EvidenceItem(location: FindingLocation(file: anFile, line: 43, column: 12, path: "discipline[0].level"), value: .string("warning")),
                ],
                comparisons: ["months_between(d.date, as_of) = 8 < bar_months = 12"], ruleOrder: 3),
            Finding(
                rule: "ASSET-INCOME-RATIO", severity: .review, title: "Assets out of line with income",
                message: "Assets \"5,200,000,000 VND\" are 14.5 times declared income, <over> 10.",
                basis: "Luật Phòng, chống tham nhũng 2018, Article 35",
                location: FindingLocation(file: anFile, line: 60, column: 7, path: "declarations[1]"),
                evidence: [
                    EvidenceItem(location: FindingLocation(file: anFile, line: 62, column: 15, path: "declarations[1].income"), value: .int(358_000_000)),
                    EvidenceItem(location: FindingLocation(file: anFile, line: 64, column: 14, path: "declarations[1].ratio"), value: .double(14.5)),
                    EvidenceItem(location: FindingLocation(file: anFile, line: 66, column: 9, path: "declarations[1].assets"), value: .list([.string("=cmd|' /C calc'!A0"), .null, .bool(true)])),
                ],
                comparisons: ["ratio = 14.5 > params.asset_ratio = 10"], ruleOrder: 9),
        ],
        errors: [
            Diagnostic(code: "dossier.unknown-field", severity: .warning, message: "unknown field 'nick_name' is ignored",
                location: SourceLocation(file: anFile, line: 7, column: 3), path: "candidate.nick_name")
        ])

    static let binh = CandidateResult(
        file: binhFile, digest: "sha256:" + String(repeating: "1e", count: 32), id: "HN-0043",
        name: "Trần Thị Bình", verdict: .eligible, findings: [], errors: [])

    static let broken = CandidateResult(
        file: brokenFile, digest: "sha256:" + String(repeating: "2d", count: 32), id: nil, name: nil,
        verdict: .invalid, findings: [],
        errors: [
            Diagnostic(code: "yaml.duplicate-key", message: "duplicate key 'name' in mapping",
                location: SourceLocation(file: brokenFile, line: 4, column: 3), path: "candidate.name"),
            Diagnostic(code: "dossier.type-mismatch", message: "expected a date, found \"2025-13-40\"",
                location: SourceLocation(file: brokenFile, line: 9, column: 11), path: "candidate.birth_date"),
        ])

    static let relatives = Finding(
        rule: "SLATE-RELATIVES", severity: .review, title: "Close relatives on one committee",
        message: "Nguyễn Văn An and Trần Thị Bình are spouses on the same slate.",
        basis: "Quy định 80-QĐ/TW, Article 3",
        location: FindingLocation(file: anFile, line: 20, column: 5, path: "family[0]"),
        related: [FindingLocation(file: binhFile, line: 18, column: 5, path: "family[1]")], ruleOrder: 20)
}
