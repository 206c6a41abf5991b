import RuleEngine

/// `rules test` output: a text listing ending in `N passed, M failed`, and JUnit XML.
extension ExampleReport {
    /// One line per result (`PASS`/`FAIL`/`ERROR`), details under failures, problems, then the summary.
    public func renderText() -> String {
        var lines: [String] = []
        for result in results {
            switch result.outcome {
            case .passed:
                lines.append("PASS \(result.name) (\(result.location))")
            case .failed(let reason):
                lines.append("FAIL \(result.name) (\(result.location))")
                lines.append("  \(reason)")
                for finding in result.actual {
                    let at = finding.location
                    lines.append("  - \(finding.rule) at \(at.file):\(at.line):\(at.column) \(at.path): \(finding.message)")
                    for item in finding.evidence {
                        lines.append("      \(item.location.path) = \(Self.text(item.value))")
                    }
                }
                for miss in result.misses {
                    let at = miss.location
                    lines.append("  - no finding at \(at.file):\(at.line):\(at.column) \(at.path): 'when' was false; it read")
                    for item in miss.evidence { lines.append("      \(item.location.path) = \(Self.text(item.value))") }
                    for comparison in miss.comparisons { lines.append("      \(comparison)") }
                }
            case .error(let diagnostics):
                lines.append("ERROR \(result.name) (\(result.location))")
                lines += diagnostics.map { "  \($0)" }
            }
        }
        lines += problems.map(\.description)
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JUnit XML document: one `testsuite`, one `testcase` per result.
    public func renderJUnit() -> String {
        let errors = results.filter { if case .error = $0.outcome { true } else { false } }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites tests=\"\(results.count)\" failures=\"\(failedCount - errors)\" errors=\"\(errors)\">\n"
        xml += "  <testsuite name=\"appraise rules test\" tests=\"\(results.count)\" "
            + "failures=\"\(failedCount - errors)\" errors=\"\(errors)\">\n"
        for result in results {
            let attributes = "classname=\"\(Self.escape(result.rule))\" name=\"\(Self.escape(result.name))\" "
                + "file=\"\(Self.escape(result.location.file))\" line=\"\(result.location.line)\""
            switch result.outcome {
            case .passed:
                xml += "    <testcase \(attributes)/>\n"
            case .failed(let reason):
                xml += "    <testcase \(attributes)>\n"
                xml += "      <failure message=\"\(Self.escape(reason))\">\(Self.escape(reason))</failure>\n"
                xml += "    </testcase>\n"
            case .error(let diagnostics):
                let text = diagnostics.map(\.description).joined(separator: "\n")
                xml += "    <testcase \(attributes)>\n"
                xml += "      <error message=\"\(Self.escape(diagnostics.first?.message ?? ""))\">\(Self.escape(text))</error>\n"
                xml += "    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    static func escape(_ text: String) -> String { Escaping.xml(text) }

    static func text(_ value: EvidenceValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): text
        case .list(let items): "[" + items.map(text).joined(separator: ", ") + "]"
        }
    }
}
