import Diagnostics
import Reports
import RuleEngine
import Screening

/// The decisions/1 skeleton `appraise decisions template` writes: one entry per open
/// `review` finding of a JSON report, with its identity, content and evidence, and empty
/// `reason`, `decided_by` and `decided_on`, so that the file fails validation until a person
/// has filled them in: a half-filled template never clears anything.
enum DecisionsTemplate {
    static func render(_ report: JSONReportFile) -> String {
        let open = report.allFindings.filter { $0.severity == Severity.review.rawValue && $0.status == "open" }
        var lines = [
            "# Review decisions (kết luận thẩm tra) for the open review findings of \(report.path),",
            "# screened on \(report.asOf) with rules \(report.rulesDigest).",
            "# For each finding: set outcome (cleared | upheld), write the reason (what was verified,",
            "# xác minh), who decided and when; add reference and expires if they apply. Delete the",
            "# entries not yet decided. See docs/review-decisions.md.",
            "format: decisions/1",
        ]
        if open.isEmpty {
            lines.append("decisions: []")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("decisions:")
        for finding in open {
            lines.append("  # \(finding.message.replacingNewlines)")
            if let candidate = finding.candidate {
                lines.append("  - candidate: \(quoted(candidate))")
            } else {
                lines.append("  - involved: [" + finding.subjects.map(quoted).joined(separator: ", ") + "]")
            }
            lines.append("    rule: \(quoted(finding.rule))")
            lines.append("    at: \(quoted(finding.path))")
            lines.append("    content: \(quoted(finding.fingerprint.content))")
            if finding.evidence.isEmpty {
                lines.append("    evidence: []")
            } else {
                lines.append("    evidence:")
                for item in finding.evidence {
                    lines.append("      - {path: \(quoted(item.path)), value: \(quoted(item.value))}")
                }
            }
            lines.append("    outcome: cleared          # cleared | upheld")
            lines.append("    reason: ''")
            lines.append("    decided_by: ''")
            lines.append("    decided_on:               # YYYY-MM-DD")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar (JSON string syntax is valid YAML).
    static func quoted(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return writer.output
    }
}

extension String {
    fileprivate var replacingNewlines: String {
        split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
