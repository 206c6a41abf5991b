import ArgumentParser
import Reports
import RuleEngine
import Screening

/// `appraise rules lint [PATH...]`: loads, validates and type-checks rule files and reports
/// every problem in one run, each with its file, line, column, the offending line and a caret.
struct RulesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check rule files: YAML, rule format, expressions, types, examples.",
        discussion: "Exit 0 when there is no error (warnings allowed), 2 on any error."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    @Option(help: "text, json or sarif (SARIF 2.1.0, for editors and CI).")
    var format: Format = .text

    @OptionGroup var files: RuleFileOptions

    func run() throws {
        try ExitStatus.run { () throws(CLIError) -> ExitStatus in
            let session = try RuleSetSession.load(
                paths: files.paths, maxFileBytes: files.maxFileBytes, emptyRules: files.emptyRules)
            let diagnostics = session.prepared.lintDiagnostics
            let tool = Report.Tool(version: Appraise.configuration.version)
            switch format {
            case .text:
                session.printer.printAll(diagnostics)
                Terminal.printOutput(Self.fileListing(session.prepared.ruleSet.entries))
                let errors = diagnostics.filter { $0.severity == .error }.count
                let warnings = diagnostics.filter { $0.severity == .warning }.count
                let rules = session.prepared.ruleSet.count
                Terminal.printOutput(
                    "\(Plural.count(rules, "rule")), \(Plural.count(errors, "error")), \(Plural.count(warnings, "warning"))\n")
            case .json: Terminal.printOutput(DiagnosticsReporter.json(diagnostics, tool: tool))
            case .sarif: Terminal.printOutput(DiagnosticsReporter.sarif(diagnostics, tool: tool))
            }
            return diagnostics.contains { $0.severity == .error } ? .badInput : .clean
        }
    }

    /// Every file the load read and what it was read as, so that none can go unnoticed.
    static func fileListing(_ entries: [RuleSetEntry]) -> String {
        let rows = entries.map { entry -> [String] in
            var readAs = entry.kind == .invalid ? "not loaded (see the errors above)" : entry.kind.rawValue
            if entry.kind == .rules { readAs += ", \(entry.ruleCount) rule" + (entry.ruleCount == 1 ? "" : "s") }
            if entry.shipped { readAs += ", shipped" }
            return [entry.shipped ? entry.relativePath : entry.path, readAs]
        }
        return TextTable.render(header: ["FILE", "READ AS"], rows: rows)
    }
}
