import RuleEngine

/// What review decisions and baselines add to the Markdown report: the decision (marker,
/// reason, who and when) and baseline state after a finding's message, and a section for
/// the decisions that applied to nothing and the findings absent since the baseline.
extension MarkdownReporter {
    /// Text appended to the message cell; a line break in a cell is escaped by `table`.
    func reviewNote(_ finding: Finding, _ labels: ReportLabels) -> String {
        let review = ReviewLabels.forLanguage(labels.code)
        var note = ""
        if let decision = finding.decision {
            note += "\n" + review.outcome(decision.outcome).uppercased() + ": " + decision.reason
                + " (\(review.decidedBy) \(decision.decidedBy), \(decision.decidedOn)"
                + (decision.reference.map { ", " + $0 } ?? "") + ")"
        }
        if let state = finding.baseline { note += "\n\(review.baseline.lowercased()): \(review.baseline(state))" }
        return note
    }

    func reviewSections(_ report: Report, _ labels: ReportLabels) -> [String] {
        let review = ReviewLabels.forLanguage(labels.code)
        var lines: [String] = []
        if let decisions = report.decisions {
            lines += ["", "- \(review.decisions): \(decisions.count) (`\(decisions.digest)`)"]
        }
        if let decisions = report.decisions, !decisions.notices.isEmpty {
            lines += ["", "## \(review.decisionsNotApplied)", ""]
            lines += table(
                [review.status, labels.rule, labels.candidate, labels.location, review.changes],
                decisions.notices.map { notice in
                    let changes: String
                    if case .stale(let list) = notice.status {
                        changes = list.map(\.description).joined(separator: "\n")
                    } else {
                        changes = ""
                    }
                    return [
                        review.status(notice.status), notice.decision.rule,
                        notice.decision.subjects.joined(separator: ", ") + " " + notice.decision.at,
                        notice.decision.location.description, changes,
                    ]
                })
        }
        if let baseline = report.baseline, !baseline.absent.isEmpty {
            lines += ["", "## \(review.absent)", ""]
            lines += table(
                [labels.candidate, labels.rule, labels.location, labels.message],
                baseline.absent.map { [$0.candidate ?? $0.subjects.joined(separator: ", "), $0.rule, $0.path, $0.message] })
        }
        return lines
    }
}
