import Diagnostics
import Reports
import RuleEngine

/// The fixed report with review decisions and a baseline (`decisions.md`): An's review
/// finding upheld, the slate finding cleared (its reason holds markup and quotes), every
/// finding with a baseline state, one absent finding, and a decision of each kind that
/// applied to nothing.
extension ReportFixture {
    static let decisionsFile = "decisions/ban-to-chuc.yaml"

    static func decision(_ outcome: DecisionOutcome, reason: String, line: Int, expires: String? = nil) -> AppliedDecision {
        AppliedDecision(
            outcome: outcome, reason: reason, decidedBy: "Ban Tổ chức — Nguyễn Văn Hải", decidedOn: "2025-08-30",
            reference: "Biên bản số 12-BB/BTC", expires: expires,
            source: SourceLocation(file: decisionsFile, line: line, column: 5))
    }

    static func notice(_ status: DecisionStatus, candidate: String, rule: String, at: String, line: Int) -> DecisionNotice {
        DecisionNotice(
            decision: ReviewDecision(
                subjects: [candidate], isSlate: false, rule: rule, at: at, content: nil, evidence: [], outcome: .cleared,
                reason: "r", decidedBy: "b", decidedOn: "2025-08-01", reference: nil,
                expires: status == .expired ? "2025-09-01" : nil,
                location: SourceLocation(file: decisionsFile, line: line, column: 5), path: "decisions[\(line)]"),
            status: status)
    }

    static var reviewed: Report {
        var an = Self.an
        an.findings[0].baseline = .unchanged
        an.findings[1].baseline = .updated
        an.findings[1].decision = decision(
            .upheld, reason: "Nguồn gốc tài sản chưa được giải trình đầy đủ; giữ nguyên.", line: 3, expires: "2026-08-30")
        var relatives = Self.relatives
        relatives.baseline = .new
        relatives.decision = decision(.cleared, reason: "Đã xác minh: <b>không</b> cùng \"đơn vị\" & không liên quan.", line: 14)
        var report = Report(
            tool: Report.Tool(version: "0.1.0"), asOf: "2025-09-20", asOfSource: .slate,
            rules: Report.RuleSetInfo(count: 24, digest: "sha256:" + String(repeating: "ab12", count: 16)),
            candidates: [an, binh, broken],
            slate: Report.SlateInfo(file: "candidates/slate.yaml", committee: "Ban Chấp hành Đảng bộ tỉnh Hà Nam", findings: [relatives]))
        report.decisions = Report.DecisionsInfo(
            count: 6, digest: "sha256:" + String(repeating: "cd34", count: 16),
            notices: [
                notice(.stale([EvidenceChange(path: "declarations[1].income", old: "300000000", new: "358000000")]),
                       candidate: "HN-0042", rule: "DECL-INCREASE-UNEXPLAINED", at: "declarations[1]", line: 25),
                notice(.expired, candidate: "HN-0042", rule: "COMPLAINT-PENDING", at: "complaints[0]", line: 36),
                notice(.unmatched, candidate: "HN-9999", rule: "PLANNING-MISSING", at: "candidate.nomination", line: 47),
                notice(.notYet, candidate: "HN-0043", rule: "FAMILY-SECTOR-BUSINESS", at: "family[0].businesses[0]", line: 58),
            ])
        report.baseline = Report.BaselineInfo(
            file: "round1.json",
            absent: [
                BaselineFinding(
                    candidate: "HN-0043", subjects: ["HN-0043"], rule: "POST-TENURE-SHORT", severity: "note",
                    path: "candidate", message: "in the current post since 2024-02-01: 19 months, under 24",
                    fingerprint: FindingFingerprint(subjects: ["HN-0043"], rule: "POST-TENURE-SHORT", path: "candidate", evidence: []),
                    evidence: [], status: "open")
            ])
        return report
    }
}
