import Diagnostics
import Reports
import RuleEngine
import Screening

/// The three forms of `appraise diff`: text (default), JSON and Markdown.
extension ReportDiff {
    /// The header lines: both reports, and whether the rules differ.
    private var header: [String] {
        var lines = [
            "old: \(old.path) (as of \(old.asOf), rules \(old.rulesDigest))",
            "new: \(new.path) (as of \(new.asOf), rules \(new.rulesDigest))",
        ]
        if rulesDiffer { lines.append("note: the reports were made with different rules; some changes may come from the rules") }
        return lines
    }

    func text() -> String {
        var lines = header
        lines.append("")
        if isEmpty { lines.append("nothing changed") }
        for id in added { lines.append("added candidate \(id)") }
        for id in removed { lines.append("removed candidate \(id)") }
        for change in verdicts { lines.append("verdict \(change.candidate): \(change.old) → \(change.new)") }
        for change in findings {
            lines.append("\(change.kind.rawValue.uppercased())  \(change.subject)  \(change.rule)  \(change.path)  \(change.message)")
            for evidence in change.changes { lines.append("    " + evidence.description) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func markdown() -> String {
        var lines = ["# Changes between two reports", ""] + header.map { "- " + $0 } + [""]
        if isEmpty { lines.append("Nothing changed.") }
        if !added.isEmpty || !removed.isEmpty || !verdicts.isEmpty {
            lines += ["## Candidates", ""]
            lines += added.map { "- added: \($0)" } + removed.map { "- removed: \($0)" }
            lines += verdicts.map { "- \($0.candidate): \($0.old) → \($0.new)" }
            lines.append("")
        }
        if !findings.isEmpty {
            lines += ["## Findings", "", "| Change | Candidate | Rule | At | What changed |", "|---|---|---|---|---|"]
            for change in findings {
                let what = change.changes.isEmpty ? change.message : change.changes.map(\.description).joined(separator: "; ")
                lines.append(
                    "| \(change.kind.rawValue) | \(cell(change.subject)) | \(change.rule) | `\(change.path)` | \(cell(what)) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    func json() -> String {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        for (key, report) in [("old", old), ("new", new)] {
            writer.key(key)
            writer.beginObject()
            writer.field("file", report.path)
            writer.field("as_of", report.asOf)
            writer.field("rules_digest", report.rulesDigest)
            writer.endObject()
        }
        writer.key("rules_differ")
        writer.bool(rulesDiffer)
        writer.key("changed")
        writer.bool(!isEmpty)
        for (key, ids) in [("added", added), ("removed", removed)] {
            writer.key(key)
            writer.beginArray()
            for id in ids { writer.string(id) }
            writer.endArray()
        }
        writer.key("verdicts")
        writer.beginArray()
        for change in verdicts {
            writer.beginObject()
            writer.field("candidate", change.candidate)
            writer.field("old", change.old)
            writer.field("new", change.new)
            writer.endObject()
        }
        writer.endArray()
        writer.key("findings")
        writer.beginArray()
        for change in findings {
            writer.beginObject()
            writer.field("change", change.kind.rawValue)
            writer.field("subject", change.subject)
            writer.field("rule", change.rule)
            writer.field("at", change.path)
            writer.field("message", change.message)
            writer.key("evidence")
            writer.beginArray()
            for evidence in change.changes {
                writer.beginObject()
                writer.field("path", evidence.path)
                writer.field("old", evidence.old)
                writer.field("new", evidence.new)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.output + "\n"
    }
}
