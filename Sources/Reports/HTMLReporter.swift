import Diagnostics
import RuleEngine

/// The `html` report: one self-contained file (inline CSS and script, no network) with the
/// summary, a candidate table that can be filtered by verdict and sorted by column, each
/// candidate's findings with their evidence, the slate findings and the errors of invalid
/// dossiers. Every piece of text is escaped; with scripting off, or printed, all is shown.
public struct HTMLReporter: Reporter {
    public var options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        let labels = ReportLabels.forLanguage(options.language ?? report.language)
        let page = Page(labels: labels)
        var html = page.head(report)
        html += page.summary(report)
        html += page.candidateTable(report)
        html += "<section id=\"details\">\n<h2>\(page.e(labels.findings))</h2>\n"
        for (number, candidate) in report.candidates.enumerated() {
            html += page.article(candidate, anchor: "c\(number + 1)")
        }
        html += "</section>\n"
        if !report.slate.findings.isEmpty {
            html += "<section id=\"slate\">\n<h2>\(page.e(labels.slateFindings))</h2>\n<ul class=\"findings\">\n"
            for finding in report.slate.findings { html += page.finding(finding) }
            html += "</ul>\n</section>\n"
        }
        html += page.reviewSections(report)
        html += "<footer>\(page.e(report.tool.name)) \(page.e(report.tool.version)) · "
        html += "\(page.e(labels.rules)): <code>\(page.e(report.rules.digest))</code></footer>\n"
        html += "<script>\n\(HTMLAssets.js)\n</script>\n</body>\n</html>\n"
        return html
    }

    /// The pieces of the page, each returning escaped HTML.
    struct Page {
        let labels: ReportLabels

        func e(_ text: String) -> String { Escaping.html(text) }

        func head(_ report: Report) -> String {
            var title = labels.title
            if let committee = report.slate.committee { title += " — " + committee }
            var html = "<!DOCTYPE html>\n<html lang=\"\(labels.code)\">\n<head>\n<meta charset=\"utf-8\">\n"
            html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            html += "<title>\(e(title)) · \(e(report.asOf))</title>\n"
            html += "<style>\n\(HTMLAssets.css)\n</style>\n</head>\n<body>\n<header>\n"
            html += "<h1>\(e(title))</h1>\n"
            let provenance = TextReporter.Context(labels: labels).provenance(report)
            html += "<p class=\"meta\">\(e(provenance.asOf))</p>\n"
            for line in provenance.rules { html += "<p class=\"meta\">\(e(line))</p>\n" }
            if let file = report.slate.file {
                html += "<p class=\"meta\">\(e(labels.file)): <code>\(e(file))</code></p>\n"
            }
            return html + "</header>\n"
        }

        func summary(_ report: Report) -> String {
            let s = report.summary
            let cards: [(String, String, Int)] = [
                ("eligible", labels.verdict(.eligible), s.eligible), ("review", labels.verdict(.review), s.review),
                ("ineligible", labels.verdict(.ineligible), s.ineligible),
                ("invalid", labels.verdict(.invalid), s.invalid), ("total", labels.total, s.candidates),
                ("slate", labels.slateFindings, s.slateFindings),
            ]
            var html = "<section class=\"cards\">\n"
            for (kind, label, count) in cards {
                html += "<div class=\"card \(kind)\"><span class=\"n\">\(count)</span>\(e(label))</div>\n"
            }
            return html + "</section>\n"
        }

        func candidateTable(_ report: Report) -> String {
            var html = "<section id=\"candidates\">\n<h2>\(e(labels.candidates))</h2>\n"
            html += "<div class=\"controls\" id=\"verdict-filter\" hidden>\n"
            html += "<button type=\"button\" data-filter=\"all\" aria-pressed=\"true\">"
            html += "\(e(labels.all)) (\(report.summary.candidates))</button>\n"
            for verdict in Verdict.allCases {
                let count = report.candidates.filter { $0.verdict == verdict }.count
                html += "<button type=\"button\" data-filter=\"\(verdict.rawValue)\" aria-pressed=\"false\">"
                html += "\(e(labels.verdict(verdict))) (\(count))</button>\n"
            }
            html += clearedToggle(report)
            html += "</div>\n<table id=\"candidate-table\">\n<thead><tr>"
            html += "<th class=\"sortable\">\(e(labels.id))</th><th class=\"sortable\">\(e(labels.name))</th>"
            html += "<th class=\"sortable\">\(e(labels.verdict))</th>"
            html += "<th class=\"sortable\" data-type=\"number\">\(e(labels.findings))</th>"
            html += "<th class=\"sortable\">\(e(labels.file))</th></tr></thead>\n<tbody>\n"
            for (number, candidate) in report.candidates.enumerated() {
                html += "<tr data-verdict=\"\(candidate.verdict.rawValue)\">"
                html += "<td><a href=\"#c\(number + 1)\">\(e(candidate.id ?? "—"))</a></td>"
                html += "<td>\(e(candidate.name ?? "—"))</td>"
                html += "<td data-key=\"\(verdictRank(candidate.verdict))\">\(badge(candidate.verdict))</td>"
                html += "<td class=\"num\">\(candidate.findings.count)</td>"
                html += "<td><code>\(e(candidate.file))</code></td></tr>\n"
            }
            return html + "</tbody>\n</table>\n</section>\n"
        }

        /// Sorts the verdict column worst first.
        func verdictRank(_ verdict: Verdict) -> Int {
            switch verdict {
            case .ineligible: 0
            case .invalid: 1
            case .review: 2
            case .eligible: 3
            }
        }

        func badge(_ verdict: Verdict) -> String {
            "<span class=\"badge \(verdict.rawValue)\">\(e(labels.verdict(verdict)))</span>"
        }

        func article(_ candidate: CandidateResult, anchor: String) -> String {
            let who = [candidate.id, candidate.name].compactMap { $0 }.map(e).joined(separator: " · ")
            var html = "<article class=\"candidate\" id=\"\(anchor)\" data-verdict=\"\(candidate.verdict.rawValue)\">\n"
            html += "<h3>\(badge(candidate.verdict)) <span>\(who.isEmpty ? e(candidate.file) : who)</span></h3>\n"
            html += "<p class=\"file\"><code>\(e(candidate.file))</code></p>\n"
            if !candidate.findings.isEmpty {
                html += "<ul class=\"findings\">\n"
                for finding in candidate.findings { html += self.finding(finding) }
                html += "</ul>\n"
            }
            if !candidate.errors.isEmpty {
                html += "<p><strong>\(e(labels.errors))</strong></p>\n<ul class=\"errors\">\n"
                for error in candidate.errors { html += "<li><code>\(e(error.description))</code></li>\n" }
                html += "</ul>\n"
            }
            if candidate.findings.isEmpty && candidate.errors.isEmpty {
                html += "<p class=\"none\">\(e(labels.noFindings))</p>\n"
            }
            return html + "</article>\n"
        }
    }
}
