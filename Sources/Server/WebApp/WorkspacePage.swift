import Reports
import RuleEngine

/// `GET /`: every slate of the workspace with its committee and its counts per verdict.
struct WorkspacePage {
    let page: WebPage
    let hasWorkspace: Bool
    let slates: [(name: String, report: Report)]

    var html: String {
        var main = ""
        if !hasWorkspace {
            main += "<p class=\"none\">\(page.t(.noWorkspace))</p>\n"
        } else if slates.isEmpty {
            main += "<p class=\"none\">\(page.t(.noSlates))</p>\n"
        } else {
            main += "<table id=\"slates\">\n<caption>\(page.t(.slates))</caption>\n<thead><tr>"
            main += "<th scope=\"col\">\(page.t(.slate))</th><th scope=\"col\">\(page.t(.committee))</th>"
            main += "<th scope=\"col\" class=\"num\">\(page.t(.candidates))</th>"
            for verdict in Verdict.allCases {
                main += "<th scope=\"col\" class=\"num\">\(page.verdict(verdict))</th>"
            }
            main += "<th scope=\"col\" class=\"num\">\(page.t(.slateFindings))</th>"
            main += "<th scope=\"col\" class=\"num\">\(page.t(.cleared))</th></tr></thead>\n<tbody>\n"
            for (name, report) in slates {
                let summary = report.summary
                main += "<tr><th scope=\"row\"><a href=\"\(page.link("/slates/" + Escaping.uriPath(name)))\">\(page.e(name))</a></th>"
                main += "<td>\(page.e(report.slate.committee ?? ""))</td><td class=\"num\">\(summary.candidates)</td>"
                for count in [summary.eligible, summary.review, summary.ineligible, summary.invalid] {
                    main += "<td class=\"num\">\(count)</td>"
                }
                main += "<td class=\"num\">\(summary.slateFindings)</td><td class=\"num\">\(summary.cleared)</td></tr>\n"
            }
            main += "</tbody>\n</table>\n"
        }
        return page.document(page: "workspace", title: WebText.workspace.text(page.language), main: main)
    }
}
