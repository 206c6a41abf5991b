import Diagnostics
import Foundation
import RuleEngine

/// One decision as `POST /v1/decisions` writes it: a decisions/1 list entry appended as text to
/// the end of a decisions file (laid out like the file's existing entries, which stay byte for
/// byte), and the JSON of the answer. Strings are YAML double-quoted scalars (JSON string
/// syntax), dates plain, and the finding's evidence is recorded as `decisions template` does,
/// so a later stale decision can name what changed.
struct DecisionEntry: Sendable {
    let request: DecisionRequest
    let evidence: [EvidenceText]

    /// A YAML double-quoted scalar: JSON string syntax is valid YAML.
    static let yamlQuoted = JSONWriter.quoted

    /// `old` with the entry appended, and the line the entry starts on. `existing` are the
    /// file's decisions, whose first entry gives the indentation.
    func appended(to old: [UInt8], existing: [ReviewDecision], file: String) throws(APIError) -> (text: String, line: Int) {
        var text = String(decoding: old, as: UTF8.self)
        var dash = 2, indent = 4
        if let first = existing.first {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if first.location.line >= 1, first.location.line <= lines.count {
                let line = Array(lines[first.location.line - 1].utf8)
                let column = min(first.location.column - 1, line.count)
                if let found = line[..<column].lastIndex(of: UInt8(ascii: "-")), line[..<found].allSatisfy({ $0 == 0x20 }) {
                    dash = found
                    indent = column
                }
            }
        } else if let range = text.range(of: #"(?m)^decisions:[ \t]*\[[ \t]*\]"#, options: .regularExpression) {
            // `decisions: []`: the first entry replaces the empty list.
            text.replaceSubrange(range, with: "decisions:")
        }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        if !existing.isEmpty { text += "\n" }
        let line = text.utf8.count { $0 == UInt8(ascii: "\n") } + 1
        text += lines(dash: dash, indent: max(indent, dash + 2)).joined(separator: "\n") + "\n"
        return (text, line)
    }

    /// The entry's lines: `- candidate: ...` at column `dash`, its fields at `indent`.
    func lines(dash: Int, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let first = String(repeating: " ", count: dash) + "-" + String(repeating: " ", count: indent - dash - 1)
        var lines = [
            first + (request.isSlate
                ? "involved: [" + request.subjects.map(Self.yamlQuoted).joined(separator: ", ") + "]"
                : "candidate: " + Self.yamlQuoted(request.subjects[0])),
            pad + "rule: " + Self.yamlQuoted(request.rule),
            pad + "at: " + Self.yamlQuoted(request.at),
            pad + "content: " + Self.yamlQuoted(request.content),
        ]
        if !evidence.isEmpty {
            lines.append(pad + "evidence:")
            for item in evidence {
                lines.append(pad + "  - {path: \(Self.yamlQuoted(item.path)), value: \(Self.yamlQuoted(item.value))}")
            }
        }
        lines += [
            pad + "outcome: " + request.outcome.rawValue,
            pad + "reason: " + Self.yamlQuoted(request.reason),
            pad + "decided_by: " + Self.yamlQuoted(request.decidedBy),
            pad + "decided_on: " + request.decidedOn,
        ]
        if let reference = request.reference { lines.append(pad + "reference: " + Self.yamlQuoted(reference)) }
        if let expires = request.expires { lines.append(pad + "expires: " + expires) }
        return lines
    }

    /// The answer of a 201: `{"file", "line", "decision": {...}}`.
    func json(file: String, line: Int) -> String {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.field("file", file)
        writer.field("line", line)
        writer.key("decision")
        writer.beginObject()
        if request.isSlate {
            writer.key("involved")
            writer.beginArray()
            for id in request.subjects { writer.string(id) }
            writer.endArray()
        } else {
            writer.field("candidate", request.subjects[0])
        }
        writer.field("rule", request.rule)
        writer.field("at", request.at)
        writer.field("content", request.content)
        writer.key("evidence")
        writer.beginArray()
        for item in evidence {
            writer.beginObject()
            writer.field("path", item.path)
            writer.field("value", item.value)
            writer.endObject()
        }
        writer.endArray()
        writer.field("outcome", request.outcome.rawValue)
        writer.field("reason", request.reason)
        writer.field("decided_by", request.decidedBy)
        writer.field("decided_on", request.decidedOn)
        writer.field("reference", request.reference)
        writer.field("expires", request.expires)
        writer.endObject()
        writer.endObject()
        return writer.output + "\n"
    }
}
