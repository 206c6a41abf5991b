import Reports
import RuleEngine

/// One finding as the slate and candidate pages show it: severity in its colour, rule id,
/// title and message (the rule set's own text in the page language), basis, where it points,
/// the decision that applies, the evidence values each at its own line, and the decisive
/// comparisons in words. `dossierFile` is the file whose lines the page shows: a location in
/// it links to its line (`#L12`), others are printed as `file:line:column`.
struct FindingView {
    let page: WebPage
    let finding: Finding
    /// The element id (`f-3`), which the line markers link to.
    let anchor: String
    let dossierFile: String?
    /// HTML ending the item: the candidate page's decision form, or why there is none.
    var footer = ""
    /// How a file other than `dossierFile` is named: the slate page names dossiers relative to
    /// the slate's folder, never by the server's own paths.
    var shownFile: (String) -> String = { $0 }

    func lineLink(_ location: FindingLocation) -> String {
        if location.file == dossierFile {
            return "<a class=\"goto\" href=\"#L\(location.line)\">\(page.t(.line)) \(location.line)</a>"
        }
        return "<code>\(page.e("\(shownFile(location.file)):\(location.line):\(location.column)"))</code>"
    }

    /// The lines of the dossier the finding and its evidence stand at, for the script.
    var lines: [Int] {
        guard let dossierFile else { return [] }
        var lines = finding.location.file == dossierFile ? [finding.location.line] : []
        for item in finding.evidence where item.location.file == dossierFile && !lines.contains(item.location.line) {
            lines.append(item.location.line)
        }
        return lines
    }

    var html: String {
        let severity = finding.severity.rawValue
        let outcome = finding.decision.map { " " + $0.outcome.rawValue } ?? ""
        var html = "<li class=\"finding \(severity)\(outcome)\" id=\"\(anchor)\" data-rule=\"\(page.e(finding.rule))\""
        html += " data-line=\"\(finding.location.file == dossierFile ? finding.location.line : 0)\""
        html += " data-lines=\"\(lines.map(String.init).joined(separator: " "))\">\n"
        html += "<p class=\"head\">\(page.severity(finding.severity)) <code class=\"rule\">\(page.e(finding.rule))</code> "
        html += "<strong class=\"title\">\(page.e(finding.title))</strong></p>\n"
        html += "<p class=\"message\">\(page.e(finding.message))</p>\n"
        if !finding.basis.isEmpty {
            html += "<p class=\"basis\">\(page.t(.basis)): \(page.e(finding.basis))</p>\n"
        }
        html += "<p class=\"loc\">\(page.t(.location)): \(lineLink(finding.location))"
        if !finding.location.path.isEmpty { html += " <code>\(page.e(finding.location.path))</code>" }
        html += "</p>\n"
        if let decision = finding.decision { html += self.decision(decision) }
        if !finding.evidence.isEmpty {
            html += "<table class=\"evidence\">\n<caption>\(page.t(.evidence))</caption>\n"
            html += "<thead><tr><th scope=\"col\">\(page.t(.location))</th><th scope=\"col\">\(page.t(.value))</th>"
            html += "<th scope=\"col\">\(page.t(.line))</th></tr></thead>\n<tbody>\n"
            for item in finding.evidence {
                html += "<tr><td><code>\(page.e(item.location.path))</code></td>"
                html += "<td class=\"value\">\(page.e(ReportVocabulary.value(item.value)))</td><td>\(lineLink(item.location))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        if !finding.comparisons.isEmpty {
            html += "<p class=\"basis\">\(page.t(.comparisons)):</p>\n<ul class=\"comparisons\">\n"
            for comparison in finding.comparisons { html += "<li><code>\(page.e(comparison))</code></li>\n" }
            html += "</ul>\n"
        }
        return html + footer + "</li>\n"
    }

    func decision(_ decision: AppliedDecision) -> String {
        let outcome = decision.outcome.rawValue
        var html = "<div class=\"decision \(outcome)\">\n<p><span class=\"mark\">"
        html += "\(page.e(ReportVocabulary.outcome(decision.outcome, language: page.language.rawValue)))</span> "
        html += "\(page.e(decision.reason))</p>\n<p class=\"basis\">\(page.t(.decidedBy)): \(page.e(decision.decidedBy)), "
        html += "\(page.date(decision.decidedOn))"
        if let reference = decision.reference { html += " · \(page.t(.reference)): \(page.e(reference))" }
        if let expires = decision.expires { html += " · \(page.t(.expires)): \(page.date(expires))" }
        return html + "</p>\n</div>\n"
    }
}
