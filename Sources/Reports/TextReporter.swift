import Diagnostics
import RuleEngine

/// The text report people read in a terminal. `.check` lists every candidate with its
/// findings (issue 4); `.screen` starts with a summary table and lists only the candidates
/// that need attention (issue 6). Colour and language come from `ReportOptions`.
public struct TextReporter: Reporter {
    public var options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        let context = Context(report: report, options: options)
        var lines: [String] = []
        switch options.style {
        case .check:
            let provenance = context.provenance(report)
            lines.append(provenance.asOf)
            lines += provenance.rules
            lines.append("")
            for candidate in report.candidates {
                lines += context.candidateBlock(candidate)
                lines.append("")
            }
            if !report.slate.findings.isEmpty { lines += context.slateSection(report.slate) }
            lines += context.reviewSections(report)
            lines.append(context.summaryLine(report.summary))
        case .screen:
            lines += context.screen(report)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The one-line summary (`19 candidates: 4 eligible, ...; 8 slate findings`) printed when
    /// the reports themselves went to files.
    public static func summaryLine(_ summary: Report.Summary, language: String) -> String {
        let labels = ReportLabels.forLanguage(language)
        let context = Context(labels: labels)
        return context.summaryLine(summary) + "; \(summary.slateFindings) \(labels.slateFindings.lowercased())"
    }

    /// What one rendering needs: the labels, the colours and the column widths.
    struct Context {
        let labels: ReportLabels
        let ansi: ANSI
        let explain: Bool
        let verdictWidth: Int
        let severityWidth: Int

        init(report: Report, options: ReportOptions) {
            self.init(labels: ReportLabels.forLanguage(options.language ?? report.language), options: options)
        }

        init(labels: ReportLabels, options: ReportOptions = ReportOptions()) {
            self.labels = labels
            ansi = ANSI(enabled: options.color)
            explain = options.explain
            verdictWidth = Verdict.allCases.map { labels.verdict($0).count }.max() ?? 0
            severityWidth = Severity.allCases.map { labels.severity($0).count }.max() ?? 0
        }

        // MARK: - Candidates

        /// The header line, then each finding and each error, indented.
        func candidateBlock(_ candidate: CandidateResult) -> [String] {
            let word = ReportText.pad(labels.verdict(candidate.verdict).uppercased(), verdictWidth)
            var header = ansi.verdict(word, candidate.verdict)
            for part in [candidate.id, candidate.name].compactMap({ $0 }) where !part.isEmpty {
                header += "  " + ansi.bold(part)
            }
            header += "  (\(candidate.file))"
            var lines = [header]
            for finding in candidate.findings { lines += findingLines(finding) }
            for error in candidate.errors { lines.append("  " + errorLine(error)) }
            if candidate.findings.isEmpty && candidate.errors.isEmpty {
                lines.append("  " + ansi.dim(labels.noFindings))
            }
            return lines
        }

        /// `file:line:col  SEVERITY  RULE-ID  message`, the basis below it, then with
        /// `explain` the evidence, comparisons and related locations.
        func findingLines(_ finding: Finding) -> [String] {
            let word = ReportText.pad(labels.severity(finding.severity).uppercased(), severityWidth)
            var lines = [
                "  \(ReportText.location(finding.location))  \(ansi.severity(word, finding.severity))  "
                    + "\(ansi.bold(finding.rule))  \(finding.message)",
            ]
            let indent = "      "
            if let failure = finding.failure { lines += failedPartLines(failure, indent: indent) }
            if !finding.basis.isEmpty { lines.append(indent + ansi.dim(finding.basis)) }
            lines += reviewLines(finding, indent: indent)
            if explain {
                for item in finding.evidence {
                    lines.append(
                        indent + "\(labels.evidence.lowercased()): \(item.location.path) = "
                            + "\(ReportText.value(item.value))  (\(ReportText.location(item.location)))")
                }
                for comparison in finding.comparisons {
                    lines.append(indent + "\(labels.comparisons.lowercased()): \(comparison)")
                }
            }
            for location in finding.related {
                lines.append(
                    indent + "\(labels.related.lowercased()): \(ReportText.location(location))  \(location.path)")
            }
            return lines
        }

        /// Where a rule that failed at run time failed: `rule file: x.yaml:55:46-55:76`, then
        /// the rule's line with the failing part underlined the way a lint error is.
        func failedPartLines(_ failure: RuleFailure, indent: String) -> [String] {
            guard let start = failure.ruleLocation else { return [] }
            let place = failure.ruleEnd.map { SourceRange(start: start, end: $0).description } ?? start.description
            var lines = [indent + "\(labels.ruleFile): \(place)"]
            if let line = failure.ruleLine {
                let endColumn = failure.ruleEnd.flatMap { $0.line == start.line ? $0.column : nil }
                let snippet = Snippet.caretLines(line: line, column: start.column, endColumn: endColumn)
                lines += snippet.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
            }
            return lines
        }

        /// `file:line:column: error: message [code]` (`details.md` §21).
        func errorLine(_ diagnostic: Diagnostic) -> String {
            let text = diagnostic.description
            return diagnostic.severity == .error ? ansi.severity(text, .error) : text
        }

        // MARK: - Slate and summary

        func slateSection(_ slate: Report.SlateInfo) -> [String] {
            var lines = [ansi.bold(labels.slateFindings)]
            for finding in slate.findings { lines += findingLines(finding) }
            lines.append("")
            return lines
        }

        /// `3 candidates: 1 eligible, 1 review, 1 ineligible, 0 invalid`.
        func summaryLine(_ summary: Report.Summary) -> String {
            let counts: [(Verdict, Int)] = [
                (.eligible, summary.eligible), (.review, summary.review),
                (.ineligible, summary.ineligible), (.invalid, summary.invalid),
            ]
            let parts = counts.map { "\($0.1) \(labels.verdict($0.0))" }
            let noun = summary.candidates == 1 ? labels.candidate : labels.candidates
            return "\(summary.candidates) \(noun.lowercased()): " + parts.joined(separator: ", ")
                + clearedSuffix(summary)
        }
    }
}
