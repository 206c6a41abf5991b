import CEL
import Diagnostics
import Reports
import RuleEngine

/// What `rules list` prints: every rule with each of its dated bases, and every parameter
/// with its dated values, `policy` marked (`docs/cli.md`, "rules list").
public struct RulesListing {
    let rules: [Rule]
    let parameters: [Parameter]
    let language: String

    public init(rules: [Rule], parameters: [Parameter], language: String) {
        self.rules = rules
        self.parameters = parameters
        self.language = language
    }

    /// `2022-08-18 – 2025-10-07`, `from 2025-10-08`, or empty for an undated entry.
    static func period<V>(_ values: DatedValues<V>, _ index: Int) -> String {
        let since = values.entries[index].since
        switch (since, values.until(index)) {
        case (nil, nil): return ""
        case (nil, let until?): return "until \(until)"
        case (let since?, nil): return "from \(since)"
        case (let since?, let until?): return "\(since) – \(until)"
        }
    }

    /// A rule's bases, one line each: `PERIOD: TEXT`, or the text alone when undated.
    static func basisLines(_ basis: DatedValues<String>) -> [String] {
        basis.entries.indices.map { index in
            let period = period(basis, index)
            return period.isEmpty ? basis.entries[index].value : period + ": " + basis.entries[index].value
        }
    }

    /// Two tables: the rules (a dated basis takes one line per entry), then the parameters
    /// (one line per value; `policy` in its column when no legal text sets it).
    public var text: String {
        var rows: [[String]] = []
        for rule in rules {
            let lines = Self.basisLines(rule.basis)
            rows.append([rule.id, rule.severity.rawValue, rule.scope.rawValue, rule.title.text(for: language), lines[0]])
            for line in lines.dropFirst() { rows.append(["", "", "", "", line]) }
        }
        var text = TextTable.render(header: ["ID", "SEVERITY", "SCOPE", "TITLE", "BASIS"], rows: rows)
        guard !parameters.isEmpty else { return text }
        var paramRows: [[String]] = []
        for parameter in parameters {
            for (index, entry) in parameter.values.entries.enumerated() {
                let period = Self.period(parameter.values, index)
                paramRows.append([
                    index == 0 ? parameter.name : "", index == 0 && parameter.policy ? "policy" : "",
                    index == 0 ? parameter.basis ?? "" : "", period.isEmpty ? "always" : period, entry.value.displayText,
                ])
            }
        }
        text += "\n" + TextTable.render(header: ["PARAMETER", "POLICY", "BASIS", "IN FORCE", "VALUE"], rows: paramRows)
        return text
    }

    /// `{"rules": [...], "params": [...]}`: each rule with `basis` (the newest text) and
    /// `bases` (`[{since, until, text}]`), each parameter with `policy` and `values`.
    public var json: String {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.key("rules")
        writer.beginArray()
        for rule in rules {
            writer.beginObject()
            for (key, value) in [
                ("id", rule.id), ("severity", rule.severity.rawValue), ("scope", rule.scope.rawValue),
                ("title", rule.title.text(for: language)), ("basis", rule.basis.latest),
            ] {
                writer.field(key, value)
            }
            writer.key("bases")
            writer.beginArray()
            for (index, entry) in rule.basis.entries.enumerated() {
                writer.beginObject()
                writer.field("since", entry.since?.description)
                writer.field("until", rule.basis.until(index)?.description)
                writer.field("text", entry.value)
                writer.endObject()
            }
            writer.endArray()
            writer.field("file", rule.location.file)
            writer.field("line", rule.location.line)
            writer.endObject()
        }
        writer.endArray()
        writer.key("params")
        writer.beginArray()
        for parameter in parameters {
            writer.beginObject()
            writer.field("name", parameter.name)
            writer.key("policy")
            writer.bool(parameter.policy)
            writer.field("basis", parameter.basis)
            writer.key("values")
            writer.beginArray()
            for (index, entry) in parameter.values.entries.enumerated() {
                writer.beginObject()
                writer.field("since", entry.since?.description)
                writer.field("until", parameter.values.until(index)?.description)
                writer.key("value")
                writer.raw(entry.value.jsonText)
                writer.endObject()
            }
            writer.endArray()
            writer.field("file", parameter.location.file)
            writer.field("line", parameter.location.line)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.output + "\n"
    }
}
