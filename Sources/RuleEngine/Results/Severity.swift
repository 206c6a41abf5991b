/// How much a finding weighs. `error` is a rule that failed at run time on a dossier: it
/// ranks with `review` for verdicts and `--fail-on`, so a broken rule is never a silent pass.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    case disqualify
    case error
    case review
    case note

    /// Report order (`details.md` §18): disqualify, error, review, note.
    public var reportRank: Int {
        switch self {
        case .disqualify: 0
        case .error: 1
        case .review: 2
        case .note: 3
        }
    }

    /// Weight for verdicts and `--fail-on`: error weighs as review.
    public var weight: Int {
        switch self {
        case .disqualify: 2
        case .error, .review: 1
        case .note: 0
        }
    }
}
