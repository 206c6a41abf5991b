import Diagnostics
import RuleEngine

/// The `markdown` report, for pasting into an issue or a wiki: a summary table, a table of
/// candidates, then one section per candidate with its findings and errors, then the slate
/// findings. Every cell is escaped (`|`, markup characters, line breaks).
public struct MarkdownReporter: Reporter {
    public var options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        let labels = ReportLabels.forLanguage(options.language ?? report.language)
        var lines: [String] = []
        var title = labels.title
        if let committee = report.slate.committee { title += " — " + committee }
        lines.append("# " + cell(title))
        lines.append("")
        let provenance = TextReporter.Context(labels: labels).provenance(report)
        lines.append("- " + cell(provenance.asOf))
        for line in provenance.rules { lines.append("- " + cell(line)) }
        lines.append("- \(report.tool.name) \(cell(report.tool.version))")
        lines.append("")
        lines += summaryTable(report.summary, labels)
        lines.append("")
        lines.append("## \(labels.candidates)")
        lines.append("")
        lines += table(
            [labels.id, labels.name, labels.verdict, labels.findings, labels.file],
            report.candidates.map {
                [$0.id ?? "", $0.name ?? "", labels.verdict($0.verdict), String($0.findings.count), $0.file]
            })
        for candidate in report.candidates {
            lines.append("")
            lines += section(candidate, labels)
        }
        if !report.slate.findings.isEmpty {
            lines.append("")
            lines.append("## \(labels.slateFindings)")
            lines.append("")
            lines += findingsTable(report.slate.findings, labels, related: true)
        }
        lines += reviewSections(report, labels)
        return lines.joined(separator: "\n") + "\n"
    }

    func summaryTable(_ summary: Report.Summary, _ labels: ReportLabels) -> [String] {
        table(
            [labels.verdict, labels.count],
            [
                [labels.verdict(.eligible), String(summary.eligible)],
                [labels.verdict(.review), String(summary.review)],
                [labels.verdict(.ineligible), String(summary.ineligible)],
                [labels.verdict(.invalid), String(summary.invalid)],
                [labels.total, String(summary.candidates)],
                [labels.slateFindings, String(summary.slateFindings)],
            ])
    }

    /// `### VERDICT — id name`, the file, then the findings and errors tables.
    func section(_ candidate: CandidateResult, _ labels: ReportLabels) -> [String] {
        let who = [candidate.id, candidate.name].compactMap { $0 }.map(cell).joined(separator: " ")
        var lines = ["### \(labels.verdict(candidate.verdict).uppercased()) — \(who.isEmpty ? cell(candidate.file) : who)"]
        lines.append("")
        lines.append("\(labels.file): `\(candidate.file.replacingBackticks)`")
        if !candidate.findings.isEmpty {
            lines.append("")
            lines += findingsTable(candidate.findings, labels, related: false)
        }
        if !candidate.errors.isEmpty {
            lines.append("")
            lines.append("**\(labels.errors)**")
            lines.append("")
            lines += table(
                [labels.errorCode, labels.severity, labels.message, labels.location],
                candidate.errors.map {
                    [$0.code, $0.severity.rawValue, $0.message, ReportText.location($0) ?? ""]
                })
        }
        if candidate.findings.isEmpty && candidate.errors.isEmpty {
            lines.append("")
            lines.append("_\(labels.noFindings)_")
        }
        return lines
    }

    func findingsTable(_ findings: [Finding], _ labels: ReportLabels, related: Bool) -> [String] {
        var header = [labels.severity, labels.rule, labels.message, labels.basis, labels.location]
        if related { header.append(labels.related) }
        return table(
            header,
            findings.map { finding in
                var row = [
                    labels.severity(finding.severity), finding.rule, finding.message + reviewNote(finding, labels),
                    finding.basis, ReportText.location(finding.location) + " " + finding.location.path,
                ]
                if related {
                    row.append(finding.related.map { ReportText.location($0) + " " + $0.path }.joined(separator: "\n"))
                }
                return row
            })
    }

    /// A GitHub-flavoured table with every cell escaped.
    func table(_ header: [String], _ rows: [[String]]) -> [String] {
        var lines = ["| " + header.map(cell).joined(separator: " | ") + " |"]
        lines.append("|" + header.map { _ in "---|" }.joined())
        for row in rows { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
        return lines
    }

    func cell(_ text: String) -> String { Escaping.markdownCell(text) }
}

extension String {
    /// The text safe inside a single-backtick code span.
    fileprivate var replacingBackticks: String {
        String(unicodeScalars.map { $0 == "`" ? "'" : Character($0) })
    }
}
