import Diagnostics
import RuleEngine

/// The `csv` report (`details.md` §23): one row per finding, RFC 4180, UTF-8, CRLF line
/// ends, with a header row. Every candidate appears: one without findings or errors gets a
/// row with empty rule fields, an invalid dossier one row per error (rule = the error code).
/// Slate findings follow, each on the row of the first candidate involved. Cells that a
/// spreadsheet would run as a formula are prefixed with `'` (see `Escaping.csvField`).
public struct CSVReporter: Reporter {
    /// The header row, in the order of `details.md` §23, then the review status (`open`,
    /// `cleared`, `upheld`; empty on rows that are not findings) and the decision's reason
    /// (`decisions.md`), appended at the end so that column positions stay.
    public static let columns = [
        "file", "candidate_id", "candidate_name", "verdict", "rule", "severity", "message", "basis",
        "line", "column", "path", "status", "reason",
    ]

    public init() {}

    public func render(_ report: Report) -> String {
        var text = Self.row(Self.columns)
        for candidate in report.candidates {
            text += Self.rows(for: candidate)
        }
        for finding in report.slate.findings {
            let owner = report.candidates.first { $0.file == finding.location.file }
            text += Self.row(Self.cells(finding, candidate: owner, file: finding.location.file))
        }
        return text
    }

    /// The rows of one candidate: its findings, then its errors, or one bare row.
    static func rows(for candidate: CandidateResult) -> String {
        var text = ""
        for finding in candidate.findings {
            text += row(cells(finding, candidate: candidate, file: candidate.file))
        }
        for error in candidate.errors {
            let location = error.location
            text += row(
                identity(candidate, file: candidate.file) + [
                    error.code, error.severity.rawValue, error.message, "",
                    location.map { String($0.line) } ?? "", location.map { String($0.column) } ?? "",
                    error.path ?? "", "", "",
                ])
        }
        if candidate.findings.isEmpty && candidate.errors.isEmpty {
            text += row(identity(candidate, file: candidate.file) + Array(repeating: "", count: 9))
        }
        return text
    }

    static func cells(_ finding: Finding, candidate: CandidateResult?, file: String) -> [String] {
        identity(candidate, file: file) + [
            finding.rule, finding.severity.rawValue, finding.message, finding.basis,
            String(finding.location.line), String(finding.location.column), finding.location.path,
            finding.decision?.outcome.rawValue ?? "open", finding.decision?.reason ?? "",
        ]
    }

    /// `file, candidate_id, candidate_name, verdict`.
    static func identity(_ candidate: CandidateResult?, file: String) -> [String] {
        [file, candidate?.id ?? "", candidate?.name ?? "", candidate?.verdict.rawValue ?? ""]
    }

    static func row(_ cells: [String]) -> String {
        cells.map(Escaping.csvField).joined(separator: ",") + "\r\n"
    }
}
