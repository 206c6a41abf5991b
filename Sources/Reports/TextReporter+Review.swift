import RuleEngine

/// What review decisions and baselines add to the text report: a `CLEARED`/`UPHELD` line
/// with the reason under a decided finding, its baseline state, the decisions that applied
/// to nothing, the absent findings, and the cleared count in the summary line.
extension TextReporter.Context {
    var review: ReviewLabels { ReviewLabels.forLanguage(labels.code) }

    /// The lines under a finding: its decision and its baseline state.
    func reviewLines(_ finding: Finding, indent: String) -> [String] {
        var lines: [String] = []
        if let decision = finding.decision {
            let word = review.outcome(decision.outcome).uppercased()
            lines.append(indent + ansi.bold(word) + ": " + decision.reason)
            var by = "\(review.decidedBy) \(decision.decidedBy), \(decision.decidedOn)"
            if let reference = decision.reference { by += ", \(reference)" }
            if let expires = decision.expires { by += " (→ \(expires))" }
            lines.append(indent + ansi.dim(by))
        }
        if let state = finding.baseline { lines.append(indent + "\(review.baseline.lowercased()): \(review.baseline(state))") }
        return lines
    }

    /// The decisions that applied to nothing, then the findings absent since the baseline.
    func reviewSections(_ report: Report) -> [String] {
        var lines: [String] = []
        if let decisions = report.decisions {
            lines.append("\(review.decisions): \(decisions.count) (\(decisions.digest))")
            lines.append("")
        }
        if let decisions = report.decisions, !decisions.notices.isEmpty {
            lines.append(ansi.bold(review.decisionsNotApplied))
            for notice in decisions.notices {
                let decision = notice.decision
                lines.append(
                    "  \(decision.location)  \(review.status(notice.status).uppercased())  \(decision.rule)  "
                        + "\(decision.subjects.joined(separator: ", ")) \(decision.at)")
                if case .stale(let changes) = notice.status {
                    for change in changes { lines.append("      " + change.description) }
                    if changes.isEmpty { lines.append("      " + review.contentChanged) }
                }
            }
            lines.append("")
        }
        if let baseline = report.baseline, !baseline.absent.isEmpty {
            lines.append(ansi.bold(review.absent) + " (\(baseline.file))")
            for finding in baseline.absent {
                lines.append("  \(finding.candidate ?? finding.subjects.joined(separator: ", "))  \(finding.rule)  \(finding.path)")
            }
            lines.append("")
        }
        return lines
    }

    /// `, 2 cleared` when decisions cleared findings, else nothing.
    func clearedSuffix(_ summary: Report.Summary) -> String {
        summary.cleared > 0 ? ", \(summary.cleared) \(review.cleared.lowercased())" : ""
    }
}
