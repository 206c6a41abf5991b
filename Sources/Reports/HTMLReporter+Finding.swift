import RuleEngine

extension HTMLReporter.Page {
    /// One finding: severity, rule, title, message, basis, location, then the evidence,
    /// comparisons and related locations in a `<details>` block.
    func finding(_ finding: Finding) -> String {
        let severity = finding.severity.rawValue
        let outcome = finding.decision.map { " " + $0.outcome.rawValue } ?? ""
        var html = "<li class=\"finding \(severity)\(outcome)\">\n"
        html += "<div><span class=\"sev \(severity)\">\(e(labels.severity(finding.severity)))</span> "
        html += "<code>\(e(finding.rule))</code> <strong>\(e(finding.title))</strong></div>\n"
        html += "<p class=\"message\">\(e(finding.message))</p>\n"
        html += review(finding)
        if !finding.basis.isEmpty {
            html += "<p class=\"basis\">\(e(labels.basis)): \(e(finding.basis))</p>\n"
        }
        html += "<p class=\"loc\">\(e(labels.location)): \(location(finding.location))</p>\n"
        if !finding.related.isEmpty {
            html += "<p class=\"loc\">\(e(labels.related)):</p>\n<ul>\n"
            for related in finding.related { html += "<li>\(location(related))</li>\n" }
            html += "</ul>\n"
        }
        if !finding.evidence.isEmpty || !finding.comparisons.isEmpty {
            html += evidence(finding)
        }
        return html + "</li>\n"
    }

    /// `file:line:column` and the field path, both as code.
    func location(_ location: FindingLocation) -> String {
        var html = "<code>\(e(ReportText.location(location)))</code>"
        if !location.path.isEmpty { html += " <code>\(e(location.path))</code>" }
        return html
    }

    func evidence(_ finding: Finding) -> String {
        var html = "<details>\n<summary>\(e(labels.evidence)) (\(finding.evidence.count))</summary>\n"
        if !finding.evidence.isEmpty {
            html += "<table class=\"evidence\">\n<thead><tr><th>Path</th><th>\(e(labels.evidence))</th>"
            html += "<th>\(e(labels.location))</th></tr></thead>\n<tbody>\n"
            for item in finding.evidence {
                html += "<tr><td><code>\(e(item.location.path))</code></td>"
                html += "<td>\(e(ReportText.value(item.value)))</td>"
                html += "<td><code>\(e(ReportText.location(item.location)))</code></td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        if !finding.comparisons.isEmpty {
            html += "<p class=\"basis\">\(e(labels.comparisons)):</p>\n<ul>\n"
            for comparison in finding.comparisons { html += "<li><code>\(e(comparison))</code></li>\n" }
            html += "</ul>\n"
        }
        return html + "</details>\n"
    }
}
