import Reports
import RuleEngine

/// `GET /slates/{slate}`: the candidate table of the HTML report (a filter by verdict and
/// sorting come with the script), the findings on the slate as a whole, and the review
/// decisions summary: how many findings are cleared and upheld, and the decisions that applied
/// to nothing (stale, unmatched, expired, not yet).
struct SlatePage {
    let page: WebPage
    let name: String
    let report: Report

    var html: String {
        var main = "<p class=\"meta\">\(page.t(.committee)): \(page.e(report.slate.committee ?? "")) · "
        main += "\(page.t(.asOf)): \(page.date(report.asOf)) · \(page.t(.rules)): \(report.rules.count)</p>\n"
        main += cards
        main += candidateTable
        main += "<section id=\"slate-findings\" aria-labelledby=\"slate-findings-h\">\n"
        main += "<h2 id=\"slate-findings-h\">\(page.t(.slateFindings))</h2>\n"
        if report.slate.findings.isEmpty {
            main += "<p class=\"none\">\(page.t(.noSlateFindings))</p>\n"
        } else {
            main += "<ul class=\"findings\">\n"
            for (index, finding) in report.slate.findings.enumerated() {
                var view = FindingView(page: page, finding: finding, anchor: "s-\(index + 1)", dossierFile: nil)
                view.shownFile = { Self.shownFile($0, report: report) }
                main += view.html
            }
            main += "</ul>\n"
        }
        main += "</section>\n"
        main += decisionsSummary
        return page.document(page: "slate", title: WebText.slate.text(page.language) + " " + name, main: main)
    }

    var cards: String {
        let summary = report.summary
        var html = "<ul class=\"cards\" aria-label=\"\(page.t(.countOf))\">\n"
        html += "<li class=\"card\"><span class=\"n\">\(summary.candidates)</span> \(page.t(.candidates))</li>\n"
        for (verdict, count) in zip(Verdict.allCases, [summary.eligible, summary.review, summary.ineligible, summary.invalid]) {
            html += "<li class=\"card \(verdict.rawValue)\"><span class=\"n\">\(count)</span> "
            html += "\(page.e(ReportVocabulary.verdict(verdict, language: page.language.rawValue)))</li>\n"
        }
        return html + "</ul>\n"
    }

    var candidateTable: String {
        var html = "<section id=\"candidates\" aria-labelledby=\"candidates-h\">\n<h2 id=\"candidates-h\">\(page.t(.candidates))</h2>\n"
        html += "<div id=\"verdict-filter\" class=\"controls\" role=\"group\" aria-label=\"\(page.t(.filterByVerdict))\" hidden>\n"
        html += "<button type=\"button\" data-filter=\"all\" aria-pressed=\"true\">\(page.t(.all))</button>\n"
        for verdict in Verdict.allCases {
            html += "<button type=\"button\" data-filter=\"\(verdict.rawValue)\" aria-pressed=\"false\">"
            html += "\(page.e(ReportVocabulary.verdict(verdict, language: page.language.rawValue)))</button>\n"
        }
        html += "</div>\n<table id=\"candidate-table\">\n<caption class=\"hint\">\(page.t(.sortBy))</caption>\n<thead><tr>"
        for (label, type) in [(WebText.id, "text"), (.name, "text"), (.verdict, "verdict"), (.findings, "number"), (.cleared, "number"), (.file, "text")] {
            html += "<th scope=\"col\" data-type=\"\(type)\"\(type == "number" ? " class=\"num\"" : "")>\(page.t(label))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for candidate in report.candidates {
            let open = candidate.findings.filter { !$0.isCleared }
            let cleared = candidate.findings.count - open.count
            html += "<tr data-verdict=\"\(candidate.verdict.rawValue)\">"
            if let id = candidate.id, !id.isEmpty {
                html += "<td><a href=\"\(page.link("/candidates/" + Escaping.uriPath(id)))\">\(page.e(id))</a></td>"
            } else {
                html += "<td></td>"
            }
            html += "<td>\(page.e(candidate.name ?? ""))</td>"
            html += "<td data-sort=\"\(Self.verdictRank(candidate.verdict))\">\(page.verdict(candidate.verdict))</td>"
            html += "<td class=\"num\" data-sort=\"\(open.count)\">\(open.count)\(breakdown(open))</td>"
            html += "<td class=\"num\">\(cleared)</td>"
            html += "<td><code>\(page.e(Self.shownFile(candidate.file, report: report)))</code></td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    /// ` (1 disqualify, 2 review)`: the open findings by severity.
    func breakdown(_ findings: [Finding]) -> String {
        let parts = Severity.allCases.compactMap { severity -> String? in
            let count = findings.count { $0.severity == severity }
            return count == 0 ? nil : "\(count) \(ReportVocabulary.severity(severity, language: page.language.rawValue))"
        }
        return parts.isEmpty ? "" : " <span class=\"breakdown\">(\(page.e(parts.joined(separator: ", "))))</span>"
    }

    /// A dossier's path as staff know it: relative to the slate's folder, where the slate's
    /// `candidates:` globs name it.
    static func shownFile(_ file: String, report: Report) -> String {
        guard let slate = report.slate.file, let slash = slate.lastIndex(of: "/") else { return file }
        let folder = String(slate[...slash])
        return file.hasPrefix(folder) ? String(file.dropFirst(folder.count)) : file
    }

    /// Worst first when sorted descending: invalid, ineligible, review, eligible.
    static func verdictRank(_ verdict: Verdict) -> Int {
        switch verdict {
        case .eligible: 0
        case .review: 1
        case .ineligible: 2
        case .invalid: 3
        }
    }

    var decisionsSummary: String {
        let findings = report.candidates.flatMap(\.findings) + report.slate.findings
        let upheld = findings.count { $0.decision?.outcome == .upheld }
        let notices = report.decisions?.notices ?? []
        func count(_ name: String) -> Int { notices.count { $0.status.name == name } }
        var html = "<section id=\"decisions\" aria-labelledby=\"decisions-h\">\n<h2 id=\"decisions-h\">\(page.t(.decisionsSummary))</h2>\n"
        html += "<dl class=\"summary\">\n"
        for (label, value) in [
            (WebText.decisions, report.decisions?.count ?? 0), (.cleared, report.summary.cleared), (.upheld, upheld),
            (.stale, count("stale")), (.unmatched, count("unmatched")), (.expired, count("expired")),
        ] {
            html += "<dt>\(page.t(label))</dt><dd data-count=\"\(Self.key(label))\">\(value)</dd>\n"
        }
        html += "</dl>\n"
        guard !notices.isEmpty else { return html + "</section>\n" }
        html += "<h3>\(page.t(.decisionsNotApplied))</h3>\n<ul class=\"notices\">\n"
        for notice in notices {
            let decision = notice.decision
            html += "<li><span class=\"status\">\(page.e(ReportVocabulary.status(notice.status, language: page.language.rawValue)))</span> "
            html += "<code>\(page.e(decision.rule))</code> \(page.e(decision.subjects.joined(separator: ", "))) "
            html += "<code>\(page.e(decision.at))</code> <code class=\"where\">\(page.e(decision.location.description))</code>"
            if case .stale(let changes) = notice.status, !changes.isEmpty {
                html += "\n<ul>\n"
                for change in changes { html += "<li><code>\(page.e(change.description))</code></li>\n" }
                html += "</ul>\n"
            }
            html += "</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    static func key(_ label: WebText) -> String {
        switch label {
        case .cleared: "cleared"
        case .upheld: "upheld"
        case .stale: "stale"
        case .unmatched: "unmatched"
        case .expired: "expired"
        default: "decisions"
        }
    }
}
