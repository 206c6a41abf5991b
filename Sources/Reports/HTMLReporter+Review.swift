import RuleEngine

/// What review decisions and baselines add to the HTML report: a decided finding is set
/// apart (a `cleared` finding is dashed and greyed) with its reason, who decided and when; a
/// button hides the cleared findings; a section lists the decisions that applied to nothing
/// and the findings absent since the baseline.
extension HTMLReporter.Page {
    var review: ReviewLabels { ReviewLabels.forLanguage(labels.code) }

    /// The decision and baseline state under a finding's message.
    func review(_ finding: Finding) -> String {
        var html = ""
        if let decision = finding.decision {
            let outcome = decision.outcome.rawValue
            html += "<p class=\"decision \(outcome)\"><span class=\"mark\">\(e(review.outcome(decision.outcome)))</span> "
            html += "\(e(decision.reason))</p>\n"
            var by = "\(review.decidedBy) \(decision.decidedBy), \(decision.decidedOn)"
            if let reference = decision.reference { by += ", \(reference)" }
            if let expires = decision.expires { by += " (→ \(expires))" }
            html += "<p class=\"basis\">\(e(by))</p>\n"
        }
        if let state = finding.baseline {
            html += "<p class=\"basis\">\(e(review.baseline)): <span class=\"baseline \(state.rawValue)\">"
            html += "\(e(review.baseline(state)))</span></p>\n"
        }
        return html
    }

    /// The button that hides cleared findings, when there are some.
    func clearedToggle(_ report: Report) -> String {
        guard report.summary.cleared > 0 else { return "" }
        return "<button type=\"button\" data-toggle=\"cleared\" aria-pressed=\"false\">"
            + "\(e(review.cleared)) (\(report.summary.cleared)): \(e(review.hide))</button>\n"
    }

    func reviewSections(_ report: Report) -> String {
        var html = ""
        if let decisions = report.decisions {
            html += "<p class=\"meta\">\(e(review.decisions)): \(decisions.count) · <code>\(e(decisions.digest))</code></p>\n"
        }
        if let decisions = report.decisions, !decisions.notices.isEmpty {
            html += "<section id=\"decisions\">\n<h2>\(e(review.decisionsNotApplied))</h2>\n<ul class=\"findings\">\n"
            for notice in decisions.notices {
                let decision = notice.decision
                html += "<li class=\"finding notice\"><div><span class=\"sev\">\(e(review.status(notice.status)))</span> "
                html += "<code>\(e(decision.rule))</code> \(e(decision.subjects.joined(separator: ", "))) "
                html += "<code>\(e(decision.at))</code></div>\n"
                html += "<p class=\"loc\"><code>\(e(decision.location.description))</code></p>\n"
                if case .stale(let changes) = notice.status, !changes.isEmpty {
                    html += "<ul>\n"
                    for change in changes { html += "<li><code>\(e(change.description))</code></li>\n" }
                    html += "</ul>\n"
                }
                html += "</li>\n"
            }
            html += "</ul>\n</section>\n"
        }
        if let baseline = report.baseline, !baseline.absent.isEmpty {
            html += "<section id=\"absent\">\n<h2>\(e(review.absent))</h2>\n<p class=\"meta\"><code>\(e(baseline.file))</code></p>\n<ul>\n"
            for finding in baseline.absent {
                html += "<li>\(e(finding.candidate ?? finding.subjects.joined(separator: ", "))) <code>\(e(finding.rule))</code> "
                html += "<code>\(e(finding.path))</code> \(e(finding.message))</li>\n"
            }
            html += "</ul>\n</section>\n"
        }
        return html
    }
}
