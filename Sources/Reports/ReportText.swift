import Diagnostics
import RuleEngine

/// Small text forms shared by every human format, so that text, Markdown and HTML print
/// values and locations the same way.
enum ReportText {
    /// An evidence value as people read it: strings and dates bare, lists in brackets.
    static func value(_ value: EvidenceValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return number.description
        case .string(let text): return text.isEmpty ? "\"\"" : text
        case .list(let items): return "[" + items.map { Self.value($0) }.joined(separator: ", ") + "]"
        }
    }

    /// `file:line:column`, the form editors and terminals recognise.
    static func location(_ location: FindingLocation) -> String {
        "\(location.file):\(location.line):\(location.column)"
    }

    /// A diagnostic's `file:line:column`, or nil when it has no file.
    static func location(_ diagnostic: Diagnostic) -> String? {
        diagnostic.location.map(\.description)
    }

    /// `HN-0042  Nguyễn Văn An`, falling back to the file when the dossier had no id or name.
    static func who(_ candidate: CandidateResult) -> String {
        let parts = [candidate.id, candidate.name].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? candidate.file : parts.joined(separator: "  ")
    }

    /// The candidates that need a person to look: review, ineligible or invalid.
    static func needsAttention(_ candidate: CandidateResult) -> Bool {
        // A candidate made eligible by cleared findings stays listed, so the clearing shows.
        candidate.verdict != .eligible || candidate.findings.contains { $0.decision != nil }
    }

    /// Pads `text` with spaces to `width` characters (grapheme clusters, so NFC Vietnamese lines up).
    static func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }

    /// Right-aligns `text` in `width` characters.
    static func padLeft(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : String(repeating: " ", count: width - count) + text
    }
}
