import Diagnostics
import Reports
import RuleEngine

/// `GET /candidates/{id}`: one candidate as an appraisal sheet: verdict, findings (with the
/// slate findings that involve the candidate), each with its decision or, for an undecided
/// `review` finding, a form to record one (`POST /v1/decisions`, the script sends it); and the
/// dossier source with line numbers, each finding marked at its line in its severity's colour.
/// Printed, it is a one-candidate sheet (the forms and the navigation are not printed).
struct CandidatePage {
    let page: WebPage
    let slateName: String
    let report: Report
    let candidate: CandidateResult
    let source: String
    /// Whether the form asks who decides: without `--tokens` the server has no name for the caller.
    let decidedByField: Bool

    /// The candidate's findings, then the slate findings that name the candidate, with anchors.
    var findings: [(anchor: String, finding: Finding)] {
        let own = candidate.findings.enumerated().map { ("f-\($0.offset + 1)", $0.element) }
        let id = candidate.id ?? ""
        let slate = report.slate.findings.enumerated().filter { $0.element.subjects.contains(id) }
            .map { ("s-\($0.offset + 1)", $0.element) }
        return own + slate
    }

    var html: String {
        let id = candidate.id ?? ""
        var main = "<dl class=\"facts\">\n"
        for (label, value) in [
            (WebText.id, page.e(id)), (.name, page.e(candidate.name ?? "")), (.verdict, page.verdict(candidate.verdict)),
            (.slate, "<a href=\"\(page.link("/slates/" + Escaping.uriPath(slateName)))\">\(page.e(slateName))</a>"),
            (.committee, page.e(report.slate.committee ?? "")), (.asOf, page.date(report.asOf)),
            (.file, "<code>\(page.e(SlatePage.shownFile(candidate.file, report: report)))</code>"),
        ] {
            main += "<dt>\(page.t(label))</dt><dd>\(value)</dd>\n"
        }
        main += "</dl>\n"
        if !candidate.errors.isEmpty {
            main += "<section id=\"errors\" aria-labelledby=\"errors-h\">\n<h2 id=\"errors-h\">\(page.t(.errors))</h2>\n<ul class=\"errors\">\n"
            for diagnostic in candidate.errors {
                main += "<li><code>\(page.e(diagnostic.location?.description ?? ""))</code> \(page.e(diagnostic.message))</li>\n"
            }
            main += "</ul>\n</section>\n"
        }
        main += "<div class=\"sheet\">\n<section id=\"findings\" aria-labelledby=\"findings-h\">\n"
        main += "<h2 id=\"findings-h\">\(page.t(.findings)) (\(findings.count))</h2>\n"
        if findings.isEmpty {
            main += "<p class=\"none\">\(page.t(.noFindings))</p>\n"
        } else {
            main += "<ul class=\"findings\">\n"
            for (anchor, finding) in findings {
                main += FindingView(
                    page: page, finding: finding, anchor: anchor, dossierFile: candidate.file,
                    footer: action(finding, anchor: anchor)).html
            }
            main += "</ul>\n"
        }
        main += "</section>\n"
        main += sourceView
        main += "</div>\n"
        main += page.words([.fieldRequired, .expiryBeforeDecision, .decisionSaved, .decisionRefused])
        let title = WebText.candidate.text(page.language) + " " + [id, candidate.name ?? ""].filter { !$0.isEmpty }.joined(separator: " · ")
        return page.document(page: "candidate", title: title, main: main)
    }

    /// Under a finding: why no decision can be recorded, or the form to record one.
    func action(_ finding: Finding, anchor: String) -> String {
        switch finding.severity {
        case .disqualify: return "<p class=\"why-no-form\">\(page.t(.neverWaived))</p>\n"
        case .error: return "<p class=\"why-no-form\">\(page.t(.errorNotDecidable))</p>\n"
        case .note: return ""
        case .review: break
        }
        guard finding.decision == nil else { return "" }
        return DecisionForm(
            page: page, finding: finding, anchor: anchor, slate: slateName, candidate: candidate.id ?? "",
            isSlateFinding: anchor.hasPrefix("s-"), decidedOn: report.asOf, decidedByField: decidedByField
        ).html
    }

    /// The dossier's lines, numbered, each line a finding stands at marked in the colour of the
    /// most severe one and linked to it.
    var sourceView: String {
        var marks: [Int: [(anchor: String, finding: Finding)]] = [:]
        for entry in findings where entry.finding.location.file == candidate.file {
            marks[entry.finding.location.line, default: []].append(entry)
        }
        var html = "<section id=\"source\" aria-labelledby=\"source-h\">\n<h2 id=\"source-h\">\(page.t(.dossierSource))</h2>\n"
        html += "<div class=\"source\" role=\"region\" aria-labelledby=\"source-h\" tabindex=\"0\">\n"
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        if lines.last == "" { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let here = marks[number] ?? []
            let worst = here.map(\.finding.severity).min { $0.reportRank < $1.reportRank }
            html += "<div class=\"line\(worst.map { " marked " + $0.rawValue } ?? "")\" id=\"L\(number)\">"
            html += "<a class=\"ln\" href=\"#L\(number)\">\(number)</a><code>\(page.e(String(line)))</code>"
            if !here.isEmpty {
                html += "<span class=\"marks\">"
                for (anchor, finding) in here {
                    html += "<a class=\"tag \(finding.severity.rawValue)\" href=\"#\(anchor)\">\(page.e(finding.rule))</a>"
                }
                html += "</span>"
            }
            html += "</div>\n"
        }
        return html + "</div>\n</section>\n"
    }
}
