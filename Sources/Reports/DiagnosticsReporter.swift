import Diagnostics

/// `rules lint --format json|sarif`: a list of diagnostics (rule files, schema, calendar) for
/// editors and CI, in the same JSON and SARIF shapes the screening reports use for errors.
public enum DiagnosticsReporter {
    /// `{"tool": ..., "diagnostics": [{code, severity, message, file, line, column, path}], "summary": {...}}`.
    public static func json(_ diagnostics: [Diagnostic], tool: Report.Tool) -> String {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.key("tool")
        writer.beginObject()
        writer.field("name", tool.name)
        writer.field("version", tool.version)
        writer.endObject()
        writer.key("diagnostics")
        writer.beginArray()
        for diagnostic in diagnostics { JSONReporter.write(diagnostic, to: &writer) }
        writer.endArray()
        writer.key("summary")
        writer.beginObject()
        writer.field("errors", diagnostics.filter { $0.severity == .error }.count)
        writer.field("warnings", diagnostics.filter { $0.severity == .warning }.count)
        writer.endObject()
        writer.endObject()
        return writer.output + "\n"
    }

    /// SARIF 2.1.0, one run, one result per diagnostic with `ruleId` = its code.
    public static func sarif(_ diagnostics: [Diagnostic], tool: Report.Tool) -> String {
        var seen = Set<String>()
        let descriptors = diagnostics.compactMap { diagnostic -> SARIFReporter.Descriptor? in
            guard seen.insert(diagnostic.code).inserted else { return nil }
            return SARIFReporter.Descriptor(id: diagnostic.code, title: diagnostic.code, basis: "")
        }
        return SARIFReporter.log(tool: tool, descriptors: descriptors) { index, writer in
            for diagnostic in diagnostics { SARIFReporter.write(diagnostic, index: index, to: &writer) }
        }
    }
}
