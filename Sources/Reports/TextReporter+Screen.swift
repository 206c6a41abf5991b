import RuleEngine

extension TextReporter.Context {
    /// The `screen` layout: what was screened and with what, counts by verdict, then only
    /// the candidates needing attention, then the slate findings.
    func screen(_ report: Report) -> [String] {
        var lines: [String] = []
        var title = labels.title
        if let committee = report.slate.committee { title += " — " + committee }
        let provenance = provenance(report)
        if report.asOfSource == .today { lines.append(provenance.asOf) }
        lines.append(ansi.bold(title))
        if report.asOfSource != .today { lines.append(provenance.asOf) }
        lines += provenance.rules
        if let file = report.slate.file { lines.append("\(labels.file): \(file)") }
        lines.append("")
        lines += summaryTable(report.summary)
        lines.append("")

        let attention = report.candidates.filter(ReportText.needsAttention)
        lines.append(ansi.bold(labels.needingAttention))
        lines.append("")
        if attention.isEmpty {
            lines.append("  " + labels.noneNeedAttention)
            lines.append("")
        }
        for candidate in attention {
            lines += candidateBlock(candidate)
            lines.append("")
        }
        if !report.slate.findings.isEmpty { lines += slateSection(report.slate) }
        lines += reviewSections(report)
        lines.append(summaryLine(report.summary))
        return lines
    }

    /// Counts by verdict, the total and the slate findings, in two aligned columns.
    func summaryTable(_ summary: Report.Summary) -> [String] {
        var rows: [(String, Int, Verdict?)] = [
            (labels.verdict(.eligible), summary.eligible, .eligible),
            (labels.verdict(.review), summary.review, .review),
            (labels.verdict(.ineligible), summary.ineligible, .ineligible),
            (labels.verdict(.invalid), summary.invalid, .invalid),
        ]
        rows.append((labels.total, summary.candidates, nil))
        rows.append((labels.slateFindings, summary.slateFindings, nil))
        let width = max(rows.map(\.0.count).max() ?? 0, labels.verdict.count) + 2
        let countWidth = max(labels.count.count, 5)
        var lines = ["  " + ansi.bold(ReportText.pad(labels.verdict, width) + ReportText.padLeft(labels.count, countWidth))]
        for (label, count, verdict) in rows {
            let cell = ReportText.pad(label, width)
            let shown = verdict.map { count > 0 ? ansi.verdict(cell, $0) : cell } ?? cell
            lines.append("  " + shown + ReportText.padLeft(String(count), countWidth))
        }
        return lines
    }
}
