import RuleEngine

/// `rules test --format junit`: the results as JUnit XML, for CI systems that show test reports.
extension ExampleReport {
    /// A JUnit XML document: one `testsuite`, one `testcase` per result.
    public func renderJUnit() -> String {
        let errors = results.filter { if case .error = $0.outcome { true } else { false } }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites tests=\"\(results.count)\" failures=\"\(failedCount - errors)\" errors=\"\(errors)\">\n"
        xml += "  <testsuite name=\"appraise rules test\" tests=\"\(results.count)\" "
            + "failures=\"\(failedCount - errors)\" errors=\"\(errors)\">\n"
        for result in results {
            let attributes = "classname=\"\(Escaping.xml(result.rule))\" name=\"\(Escaping.xml(result.name))\" "
                + "file=\"\(Escaping.xml(result.location.file))\" line=\"\(result.location.line)\""
            switch result.outcome {
            case .passed:
                xml += "    <testcase \(attributes)/>\n"
            case .failed(let reason):
                xml += "    <testcase \(attributes)>\n"
                xml += "      <failure message=\"\(Escaping.xml(reason))\">\(Escaping.xml(reason))</failure>\n"
                xml += "    </testcase>\n"
            case .error(let diagnostics):
                let text = diagnostics.map(\.description).joined(separator: "\n")
                xml += "    <testcase \(attributes)>\n"
                let message = Escaping.xml(diagnostics.first?.message ?? "")
                xml += "      <error message=\"\(message)\">\(Escaping.xml(text))</error>\n"
                xml += "    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }
}
