import RuleEngine

/// The words the human formats print around the data, in English or Vietnamese. Rule ids,
/// error codes and field paths are never translated.
struct ReportLabels: Sendable {
    let code: String
    let verdicts: [Verdict: String]
    let severities: [Severity: String]
    let sources: [AsOfSource: String]
    let title: String
    let asOf: String
    let rules: String
    let candidates: String
    let candidate: String
    let slateFindings: String
    let findings: String
    let evidence: String
    let comparisons: String
    let related: String
    /// "rule file", before where a rule that failed at run time is written.
    let ruleFile: String
    /// What the rule-file location of a run-time failure shows (SARIF's related location).
    let failedPart: String
    let errors: String
    let errorCode: String
    let basis: String
    let message: String
    let rule: String
    let severity: String
    let location: String
    let file: String
    let id: String
    let name: String
    let verdict: String
    let count: String
    let total: String
    let all: String
    let noFindings: String
    let committee: String
    let needingAttention: String
    let noneNeedAttention: String
    /// After a date that is today: how to evaluate at another one.
    let todayHint: String
    /// "the shipped set", when no `--rules` was given.
    let shippedRules: String
    /// "from", before the `--rules` paths.
    let from: String
    /// The note when `--rules` replaced the shipped set: it did not run, and how to add it.
    let shippedNotRunNote: @Sendable (String?) -> String

    func shippedNotRun(_ path: String?) -> String { shippedNotRunNote(path) }

    /// The labels for `en` or `vi`; anything else reads as English.
    static func forLanguage(_ language: String) -> ReportLabels {
        language == "vi" ? vietnamese : english
    }

    func verdict(_ value: Verdict) -> String { verdicts[value] ?? value.rawValue }
    func severity(_ value: Severity) -> String { severities[value] ?? value.rawValue }
    func source(_ value: AsOfSource) -> String { sources[value] ?? value.rawValue }

    /// A `YYYY-MM-DD` date as people read it: unchanged in `en`, `DD/MM/YYYY` in `vi` (§22).
    func date(_ iso: String) -> String {
        guard code == "vi" else { return iso }
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    static let english = ReportLabels(
        code: "en",
        verdicts: [.eligible: "eligible", .review: "review", .ineligible: "ineligible", .invalid: "invalid"],
        severities: [.disqualify: "disqualify", .error: "error", .review: "review", .note: "note"],
        sources: [.option: "chosen for this run", .slate: "the slate's congress date", .today: "today"],
        title: "Candidate screening report", asOf: "As of", rules: "Rules", candidates: "Candidates",
        candidate: "Candidate", slateFindings: "Slate findings", findings: "Findings",
        evidence: "Evidence", comparisons: "Comparisons", related: "Related",
        ruleFile: "rule file", failedPart: "the part of the rule that failed", errors: "Errors", errorCode: "Code",
        basis: "Basis", message: "Message", rule: "Rule", severity: "Severity", location: "Location",
        file: "File", id: "ID", name: "Name", verdict: "Verdict", count: "Count", total: "Total",
        all: "All", noFindings: "no findings", committee: "Committee",
        needingAttention: "Candidates needing attention", noneNeedAttention: "No candidate needs attention.",
        todayHint: "no --as-of and no slate date; pass --as-of YYYY-MM-DD to evaluate at another date",
        shippedRules: "the shipped set", from: "from",
        shippedNotRunNote: { path in
            "Note: the shipped rules did not run (--rules replaces them); "
                + (path.map { "add --rules \($0) to run them too" }
                    ?? "write them out with `appraise rules export DIR` and add --rules DIR to run them too")
        }
    )

    static let vietnamese = ReportLabels(
        code: "vi",
        verdicts: [
            .eligible: "đủ điều kiện", .review: "cần xem xét", .ineligible: "không đủ điều kiện",
            .invalid: "không hợp lệ",
        ],
        severities: [.disqualify: "loại", .error: "lỗi", .review: "xem xét", .note: "ghi chú"],
        sources: [.option: "chọn cho lần chạy này", .slate: "ngày đại hội của danh sách", .today: "hôm nay"],
        title: "Báo cáo thẩm định nhân sự", asOf: "Tính đến ngày", rules: "Quy tắc",
        candidates: "Ứng viên", candidate: "Ứng viên", slateFindings: "Phát hiện về danh sách",
        findings: "Phát hiện", evidence: "Chứng cứ", comparisons: "So sánh", related: "Liên quan",
        ruleFile: "tệp quy tắc", failedPart: "phần của quy tắc bị lỗi khi chạy", errors: "Lỗi", errorCode: "Mã lỗi", basis: "Căn cứ", message: "Nội dung", rule: "Quy tắc",
        severity: "Mức độ",
        location: "Vị trí", file: "Tệp", id: "Mã", name: "Họ và tên", verdict: "Kết luận",
        count: "Số lượng", total: "Tổng", all: "Tất cả", noFindings: "không có phát hiện",
        committee: "Cấp ủy", needingAttention: "Ứng viên cần lưu ý",
        noneNeedAttention: "Không có ứng viên nào cần lưu ý.",
        todayHint: "không có --as-of và danh sách không có ngày đại hội; dùng --as-of YYYY-MM-DD để chọn ngày khác",
        shippedRules: "bộ quy tắc kèm theo", from: "từ",
        shippedNotRunNote: { path in
            "Lưu ý: bộ quy tắc kèm theo không được áp dụng (--rules thay thế nó); "
                + (path.map { "thêm --rules \($0) để áp dụng cả bộ này" }
                    ?? "xuất bộ này bằng `appraise rules export DIR` rồi thêm --rules DIR")
        }
    )
}
