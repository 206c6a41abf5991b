import Diagnostics
import RuleEngine

/// The `json` and `jsonl` reports (`cli.md`, `details.md` §16–§18), keys in the order the
/// spec shows them. `jsonl` is one candidate a line in input order, then a `{"slate": …}`
/// line, then a `{"summary": …}` line; the static `…Line` functions let the CLI write each
/// line as soon as it and every line before it are ready, without holding the report.
public struct JSONReporter: Reporter {
    /// One line per candidate (`jsonl`) instead of one pretty-printed document.
    public var lines: Bool

    public init(lines: Bool = false) {
        self.lines = lines
    }

    public func render(_ report: Report) -> String {
        if lines {
            var text = Self.runLine(report)
            for candidate in report.candidates { text += Self.candidateLine(candidate) }
            text += Self.slateLine(report.slate)
            if let decisions = report.decisions { text += Self.decisionsLine(decisions) }
            if let baseline = report.baseline { text += Self.baselineLine(baseline) }
            text += Self.summaryLine(report.summary)
            return text
        }
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        Self.writeHeader(report, to: &writer)
        Self.writeMembersAfterHeader(report, to: &writer)
        writer.endObject()
        return writer.output + "\n"
    }

    /// The pretty `json` report's text up to the end of its header (`tool`, `as_of`,
    /// `as_of_source`, `rules`), without the comma that follows: what every report of one rule
    /// set, date and language starts with, so a server can write it once (`renderUTF8(_:after:)`).
    public static func prettyHeader(_ report: Report) -> String {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writeHeader(report, to: &writer)
        return writer.output
    }

    /// The UTF-8 of what `render` gives for `report` (pretty), from the UTF-8 of a `header`
    /// that `prettyHeader` made of a report with the same header: the members after it are
    /// written as the second members of an object, whose opening brace is dropped for the
    /// header's text. Bytes, as a server sends them, with no `String` in between.
    public static func renderUTF8(_ report: Report, after header: [UInt8]) -> [UInt8] {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writeMembersAfterHeader(report, to: &writer)
        writer.endObject()
        // The writer's bytes start `{` then the line break before `"candidates"`; in the whole
        // report a comma comes between the header's last member and that line break.
        let members = writer.utf8
        var bytes: [UInt8] = []
        bytes.reserveCapacity(header.count + members.count + 1)
        bytes.append(contentsOf: header)
        bytes.append(UInt8(ascii: ","))
        bytes.append(contentsOf: members[1...])
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// `candidates`, `slate`, `decisions`, `baseline` and `summary`, the members after the header.
    private static func writeMembersAfterHeader(_ report: Report, to writer: inout JSONWriter) {
        writer.key("candidates")
        writer.beginArray()
        for candidate in report.candidates { write(candidate, to: &writer) }
        writer.endArray()
        writer.key("slate")
        write(report.slate, to: &writer)
        if let decisions = report.decisions {
            writer.key("decisions")
            write(decisions, to: &writer)
        }
        if let baseline = report.baseline {
            writer.key("baseline")
            write(baseline, to: &writer)
        }
        writer.key("summary")
        write(report.summary, to: &writer)
    }

    // MARK: - JSONL lines

    /// `{"run": {tool, as_of, as_of_source, rules}}`, the first line, so that a JSON Lines
    /// report says what ran before its first candidate.
    public static func runLine(_ report: Report) -> String {
        wrappedLine("run") {
            $0.beginObject()
            writeHeader(report, to: &$0)
            $0.endObject()
        }
    }

    /// One candidate as a compact JSON object, ending in a line break.
    public static func candidateLine(_ candidate: CandidateResult) -> String {
        var writer = JSONWriter()
        writeCandidateLine(candidate, to: &writer)
        return writer.output
    }

    /// One candidate's line appended to `writer` (which may hold lines before it): how a
    /// screening streams JSON Lines into one buffer, with no `String` per line.
    public static func writeCandidateLine(_ candidate: CandidateResult, to writer: inout JSONWriter) {
        write(candidate, to: &writer)
        writer.lineBreak()
    }

    /// `{"slate": {...}}`, ending in a line break.
    public static func slateLine(_ slate: Report.SlateInfo) -> String {
        var line = slateLineStart(slate)
        for (index, finding) in slate.findings.enumerated() { line += slateLineFinding(finding, first: index == 0) }
        return line + slateLineEnd
    }

    /// The slate line up to its first finding, `{"slate":{"file":…,"committee":…,"findings":[`:
    /// a screening writes it, then each finding as it comes (`slateLineFinding`), then
    /// `slateLineEnd`, so that a slate with many findings is never one string in memory.
    public static func slateLineStart(_ slate: Report.SlateInfo) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("slate")
        writer.beginObject()
        writer.field("file", slate.file)
        writer.field("committee", slate.committee)
        writer.key("findings")
        writer.beginArray()
        return writer.output
    }

    /// One slate finding of the slate line, after a comma unless it is the first.
    public static func slateLineFinding(_ finding: Finding, first: Bool) -> String {
        var writer = JSONWriter()
        write(finding, to: &writer, slate: true)
        return first ? writer.output : "," + writer.output
    }

    /// What closes the slate line after its findings.
    public static let slateLineEnd = "]}}\n"

    /// `{"summary": {...}}`, ending in a line break.
    public static func summaryLine(_ summary: Report.Summary) -> String {
        wrappedLine("summary") { write(summary, to: &$0) }
    }

    /// `{"KEY": VALUE}` on one line, the closing lines of `jsonl`.
    private static func wrappedLine(_ key: String, _ value: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key(key)
        value(&writer)
        writer.endObject()
        return writer.output + "\n"
    }

    // MARK: - Objects

    /// `tool`, `as_of`, `as_of_source` and `rules`, the members before `candidates`.
    static func writeHeader(_ report: Report, to writer: inout JSONWriter) {
        writer.key("tool")
        writer.beginObject()
        writer.field("name", report.tool.name)
        writer.field("version", report.tool.version)
        writer.endObject()
        writer.field("as_of", report.asOf)
        writer.field("as_of_source", report.asOfSource.rawValue)
        writer.key("rules")
        writer.beginObject()
        writer.field("count", report.rules.count)
        writer.field("digest", report.rules.digest)
        writer.key("policy_params")
        writer.beginArray()
        for name in report.rules.policyParams { writer.string(name) }
        writer.endArray()
        writeSources(report.rules.sources, to: &writer)
        writer.endObject()
    }

    static func write(_ candidate: CandidateResult, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field(literal: "file", candidate.file)
        writer.field(literal: "digest", candidate.digest)
        writer.field(literal: "id", candidate.id)
        writer.field(literal: "name", candidate.name)
        writer.field(literal: "verdict", candidate.verdict.rawValue)
        writer.key(literal: "findings")
        writer.beginArray()
        for finding in candidate.findings { write(finding, to: &writer) }
        writer.endArray()
        writer.key(literal: "errors")
        writer.beginArray()
        for error in candidate.errors { write(error, to: &writer) }
        writer.endArray()
        writer.endObject()
    }

    static func write(_ slate: Report.SlateInfo, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("file", slate.file)
        writer.field("committee", slate.committee)
        writer.key("findings")
        writer.beginArray()
        for finding in slate.findings { write(finding, to: &writer, slate: true) }
        writer.endArray()
        writer.endObject()
    }

    static func write(_ summary: Report.Summary, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("candidates", summary.candidates)
        writer.field("eligible", summary.eligible)
        writer.field("review", summary.review)
        writer.field("ineligible", summary.ineligible)
        writer.field("invalid", summary.invalid)
        writer.field("slate_findings", summary.slateFindings)
        writer.field("cleared", summary.cleared)
        writer.endObject()
    }

    /// A finding; a slate finding also names the ids of the candidates `involved`.
    static func write(_ finding: Finding, to writer: inout JSONWriter, slate: Bool = false) {
        writer.beginObject()
        writer.field(literal: "rule", finding.rule)
        writer.field(literal: "severity", finding.severity.rawValue)
        writer.field(literal: "title", finding.title)
        writer.field(literal: "message", finding.message)
        writer.field(literal: "basis", finding.basis)
        writer.key(literal: "location")
        write(finding.location, to: &writer)
        writer.key(literal: "evidence")
        writer.beginArray()
        for item in finding.evidence { write(item, to: &writer) }
        writer.endArray()
        writer.key(literal: "comparisons")
        writer.beginArray()
        for comparison in finding.comparisons { writer.string(comparison) }
        writer.endArray()
        writer.key(literal: "related")
        writer.beginArray()
        for location in finding.related { write(location, to: &writer) }
        writer.endArray()
        if let failure = finding.failure { write(failure, to: &writer) }
        writeReviewState(finding, slate: slate, to: &writer)
        writer.endObject()
    }

    /// `failure: {code, expression, file, line, column, end_line, end_column}` of a rule that
    /// failed at run time: the part of the rule that failed and its range in the rule file, the
    /// end exclusive like a location's (nulls when it cannot be placed).
    static func write(_ failure: RuleFailure, to writer: inout JSONWriter) {
        writer.key(literal: "failure")
        writer.beginObject()
        writer.field(literal: "code", failure.code.rawValue)
        writer.field(literal: "expression", failure.expression)
        writer.field(literal: "file", failure.ruleLocation?.file)
        writeNumber("line", failure.ruleLocation?.line, to: &writer)
        writeNumber("column", failure.ruleLocation?.column, to: &writer)
        writeNumber("end_line", failure.ruleEnd?.line, to: &writer)
        writeNumber("end_column", failure.ruleEnd?.column, to: &writer)
        writer.endObject()
    }

    /// `{file, line, column, end_line, end_column, path}`: the end (exclusive, libyaml's end
    /// mark of the node) is an extension of §17, null when only the start is known.
    static func write(_ location: FindingLocation, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field(literal: "file", location.file)
        writer.field(literal: "line", location.line)
        writer.field(literal: "column", location.column)
        writeNumber("end_line", location.endLine, to: &writer)
        writeNumber("end_column", location.endColumn, to: &writer)
        writer.field(literal: "path", location.path)
        writer.endObject()
    }

    /// `"name": number`, or `null` when it is not known.
    private static func writeNumber(_ name: StaticString, _ number: Int?, to writer: inout JSONWriter) {
        writer.key(literal: name)
        if let number { writer.int(number) } else { writer.null() }
    }

    /// `{path, file, line, column, value}` (`details.md` §17).
    static func write(_ item: EvidenceItem, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field(literal: "path", item.location.path)
        writer.field(literal: "file", item.location.file)
        writer.field(literal: "line", item.location.line)
        writer.field(literal: "column", item.location.column)
        writer.key(literal: "value")
        write(item.value, to: &writer)
        writer.endObject()
    }

    /// Ints and doubles as numbers, dates as their `YYYY-MM-DD` strings.
    static func write(_ value: EvidenceValue, to writer: inout JSONWriter) {
        switch value {
        case .null: writer.null()
        case .bool(let flag): writer.bool(flag)
        case .int(let number): writer.int(number)
        case .double(let number): writer.double(number)
        case .string(let text): writer.string(text)
        case .list(let items):
            writer.beginArray()
            for item in items { write(item, to: &writer) }
            writer.endArray()
        }
    }

    /// `{code, severity, message, file, line, column, end_line, end_column, path}`, nulls where
    /// unknown (§16; the end, exclusive, is an extension: null for a point).
    public static func write(_ diagnostic: Diagnostic, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("code", diagnostic.code)
        writer.field("severity", diagnostic.severity.rawValue)
        writer.field("message", diagnostic.message)
        writer.field("file", diagnostic.location?.file)
        writer.key("line")
        if let line = diagnostic.location?.line { writer.int(line) } else { writer.null() }
        writer.key("column")
        if let column = diagnostic.location?.column { writer.int(column) } else { writer.null() }
        writer.key("end_line")
        if let line = diagnostic.end?.line { writer.int(line) } else { writer.null() }
        writer.key("end_column")
        if let column = diagnostic.end?.column { writer.int(column) } else { writer.null() }
        writer.field("path", diagnostic.path)
        writer.endObject()
    }
}
