import RuleEngine

/// The words review decisions and baselines add to reports, in English and Vietnamese
/// (`docs/review-decisions.md`): kept apart from `ReportLabels` so each concept has one place.
struct ReviewLabels: Sendable {
    let cleared: String
    let upheld: String
    let open: String
    let decidedBy: String
    let decisions: String
    let decisionsNotApplied: String
    let baseline: String
    let absent: String
    let hide: String
    let status: String
    let changes: String
    let contentChanged: String
    let statusNames: [String: String]
    let baselineNames: [String: String]

    static func forLanguage(_ language: String) -> ReviewLabels {
        language == "vi" ? vietnamese : english
    }

    func outcome(_ outcome: DecisionOutcome) -> String {
        outcome == .cleared ? cleared : upheld
    }

    func status(_ status: DecisionStatus) -> String {
        statusNames[status.name] ?? status.name
    }

    func baseline(_ state: BaselineState) -> String {
        baselineNames[state.rawValue] ?? state.rawValue
    }

    static let english = ReviewLabels(
        cleared: "Cleared", upheld: "Upheld", open: "Open", decidedBy: "decided by", decisions: "Review decisions",
        decisionsNotApplied: "Decisions that applied to nothing", baseline: "Baseline",
        absent: "Absent since the baseline", hide: "hide", status: "Status", changes: "What changed",
        contentChanged: "the content fingerprint differs (the decision records no evidence to compare)",
        statusNames: ["unmatched": "unmatched", "stale": "stale", "expired": "expired", "not yet": "not yet"],
        baselineNames: ["new": "new", "unchanged": "unchanged", "updated": "updated"])

    static let vietnamese = ReviewLabels(
        cleared: "Đã làm rõ", upheld: "Giữ nguyên", open: "Chưa kết luận", decidedBy: "kết luận của",
        decisions: "Kết luận thẩm tra", decisionsNotApplied: "Kết luận không áp dụng được",
        baseline: "Đối chiếu", absent: "Không còn so với lần trước", hide: "ẩn", status: "Tình trạng", changes: "Thay đổi",
        contentChanged: "dấu vân tay nội dung đã khác (kết luận không ghi chứng cứ để so sánh)",
        statusNames: [
            "unmatched": "không khớp", "stale": "hồ sơ đã thay đổi", "expired": "hết hiệu lực",
            "not yet": "chưa có hiệu lực",
        ],
        baselineNames: ["new": "mới", "unchanged": "không đổi", "updated": "thay đổi"])
}
