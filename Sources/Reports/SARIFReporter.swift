import Diagnostics
import RuleEngine

/// The `sarif` report: SARIF 2.1.0 with one run, so code-scanning tools and editors can
/// show findings on the dossier lines. Each finding is a result (`ruleId` = the rule id);
/// each read or validation error is a result whose `ruleId` is its error code. Columns
/// are Unicode code points, which is how libyaml counts, stated by `columnKind`.
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public init() {}

    public func render(_ report: Report) -> String {
        let labels = ReportLabels.forLanguage(report.language)
        return Self.log(tool: report.tool, descriptors: Self.descriptors(report)) { index, writer in
            for candidate in report.candidates {
                for finding in candidate.findings { Self.write(finding, index: index, labels: labels, to: &writer) }
                for error in candidate.errors { Self.write(error, index: index, to: &writer) }
            }
            for finding in report.slate.findings { Self.write(finding, index: index, labels: labels, to: &writer) }
        } properties: { writer in
            Self.writeRunProperties(report, to: &writer)
        }
    }

    /// A SARIF log of one run: `results` writes the results (given each rule's index among
    /// `descriptors`), `properties` what follows them in the run.
    static func log(
        tool: Report.Tool, descriptors: [Descriptor], results: ([String: Int], inout JSONWriter) -> Void,
        properties: (inout JSONWriter) -> Void = { _ in }
    ) -> String {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.field("$schema", schemaURI)
        writer.field("version", "2.1.0")
        writer.key("runs")
        writer.beginArray()
        writer.beginObject()
        writeTool(tool, descriptors: descriptors, to: &writer)
        writer.field("columnKind", "unicodeCodePoints")
        writer.key("results")
        writer.beginArray()
        results(Dictionary(uniqueKeysWithValues: descriptors.enumerated().map { ($1.id, $0) }), &writer)
        writer.endArray()
        properties(&writer)
        writer.endObject()
        writer.endArray()
        writer.endObject()
        return writer.output + "\n"
    }

    // MARK: - Rules

    /// One `reportingDescriptor` per rule id or error code seen, in order of first use.
    struct Descriptor {
        var id: String
        var title: String
        var basis: String
    }

    static func descriptors(_ report: Report) -> [Descriptor] {
        var seen = Set<String>()
        var list: [Descriptor] = []
        func add(_ descriptor: Descriptor) {
            if seen.insert(descriptor.id).inserted { list.append(descriptor) }
        }
        for candidate in report.candidates {
            for finding in candidate.findings {
                add(Descriptor(id: finding.rule, title: finding.title, basis: finding.basis))
            }
            for error in candidate.errors { add(Descriptor(id: error.code, title: error.code, basis: "")) }
        }
        for finding in report.slate.findings {
            add(Descriptor(id: finding.rule, title: finding.title, basis: finding.basis))
        }
        return list
    }

    static func writeTool(_ tool: Report.Tool, descriptors: [Descriptor], to writer: inout JSONWriter) {
        writer.key("tool")
        writer.beginObject()
        writer.key("driver")
        writer.beginObject()
        writer.field("name", tool.name)
        writer.field("version", tool.version)
        writer.key("rules")
        writer.beginArray()
        for descriptor in descriptors {
            writer.beginObject()
            writer.field("id", descriptor.id)
            writer.key("shortDescription")
            writeMessage(descriptor.title, to: &writer)
            if !descriptor.basis.isEmpty {
                writer.key("help")
                writeMessage(descriptor.basis, to: &writer)
            }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        writer.endObject()
    }

    static func writeRunProperties(_ report: Report, to writer: inout JSONWriter) {
        writer.key("properties")
        writer.beginObject()
        writer.field("as_of", report.asOf)
        writer.field("as_of_source", report.asOfSource.rawValue)
        writer.field("rules_count", report.rules.count)
        writer.field("rules_digest", report.rules.digest)
        if let decisions = report.decisions {
            writer.field("decisions_count", decisions.count)
            writer.field("decisions_digest", decisions.digest)
        }
        writer.key("rules_sources")
        writer.beginArray()
        for name in report.rules.sources.names { writer.string(name) }
        writer.endArray()
        writer.key("rules_include_shipped")
        writer.bool(report.rules.sources.includesShipped)
        writer.endObject()
    }

    // MARK: - Results

    /// disqualify and error → `error`, review → `warning`, note → `note`.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .disqualify, .error: "error"
        case .review: "warning"
        case .note: "note"
        }
    }

    /// A finding as a result: the dossier place it stands at, then as related locations the
    /// other dossiers involved and, for a rule that failed at run time, the part of the rule
    /// file that failed (so an editor can open the rule at the failing sub-expression).
    static func write(_ finding: Finding, index: [String: Int], labels: ReportLabels, to writer: inout JSONWriter) {
        writer.beginObject()
        writeRule(finding.rule, index: index, to: &writer)
        writer.field("level", level(finding.severity))
        writer.key("message")
        writeMessage(finding.message, to: &writer)
        writer.key("locations")
        writer.beginArray()
        writeLocation(finding.location, id: nil, to: &writer)
        writer.endArray()
        let failedPart = finding.failure.flatMap { failure in
            failure.ruleLocation.map { FindingLocation($0, path: "", end: failure.ruleEnd) }
        }
        if !finding.related.isEmpty || failedPart != nil {
            writer.key("relatedLocations")
            writer.beginArray()
            for (number, location) in finding.related.enumerated() {
                writeLocation(location, id: number + 1, to: &writer)
            }
            if let failedPart {
                writeLocation(failedPart, id: finding.related.count + 1, message: labels.failedPart, to: &writer)
            }
            writer.endArray()
        }
        writeReviewState(finding, to: &writer)
        writer.key("properties")
        writer.beginObject()
        writer.field("severity", finding.severity.rawValue)
        writer.field("title", finding.title)
        writer.field("basis", finding.basis)
        writer.key("evidence")
        writer.beginArray()
        for item in finding.evidence { JSONReporter.write(item, to: &writer) }
        writer.endArray()
        writer.key("comparisons")
        writer.beginArray()
        for comparison in finding.comparisons { writer.string(comparison) }
        writer.endArray()
        writer.endObject()
        writer.endObject()
    }

    /// A read or validation diagnostic as a result; a warning stays a `warning`.
    static func write(_ diagnostic: Diagnostic, index: [String: Int], to writer: inout JSONWriter) {
        writer.beginObject()
        writeRule(diagnostic.code, index: index, to: &writer)
        writer.key("level")
        switch diagnostic.severity {
        case .error: writer.string("error")
        case .warning: writer.string("warning")
        case .note: writer.string("note")
        }
        writer.key("message")
        writeMessage(diagnostic.message, to: &writer)
        if let location = diagnostic.location {
            writer.key("locations")
            writer.beginArray()
            let path = diagnostic.path ?? ""
            let end = diagnostic.end.flatMap { $0.file == location.file ? $0 : nil }
            writeLocation(FindingLocation(location, path: path, end: end), id: nil, to: &writer)
            writer.endArray()
        }
        writer.endObject()
    }

    static func writeRule(_ id: String, index: [String: Int], to writer: inout JSONWriter) {
        writer.field("ruleId", id)
        if let position = index[id] {
            writer.field("ruleIndex", position)
        }
    }

    /// A `location` with its physical place (a region with an end when the node's end is
    /// known), when the path is known a logical one, and the `message` saying what is there.
    static func writeLocation(
        _ location: FindingLocation, id: Int?, message: String? = nil, to writer: inout JSONWriter
    ) {
        writer.beginObject()
        if let id {
            writer.field("id", id)
        }
        writer.key("physicalLocation")
        writer.beginObject()
        writer.key("artifactLocation")
        writer.beginObject()
        writer.field("uri", Escaping.uriPath(location.file))
        writer.endObject()
        writer.key("region")
        writer.beginObject()
        writer.field("startLine", max(location.line, 1))
        writer.field("startColumn", max(location.column, 1))
        if let end = location.end {
            writer.field("endLine", max(end.line, 1))
            writer.field("endColumn", max(end.column, 1))
        }
        writer.endObject()
        writer.endObject()
        if !location.path.isEmpty {
            writer.key("logicalLocations")
            writer.beginArray()
            writer.beginObject()
            writer.field("fullyQualifiedName", location.path)
            writer.endObject()
            writer.endArray()
        }
        if let message {
            writer.key("message")
            writeMessage(message, to: &writer)
        }
        writer.endObject()
    }

    static func writeMessage(_ text: String, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("text", text)
        writer.endObject()
    }
}
