import RuleEngine

/// `rules test` output as text: a listing ending in `N passed, M failed` (JUnit XML is in
/// `ExampleReport+JUnit.swift`).
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
