import Reports
import YAML
import ArgumentParser
import Reports
import RuleEngine

/// `appraise rules list`: every rule's id, severity, title and legal basis.
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the rules: id, severity, title, basis."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "text or json.")
    var format: Format = .text

    @Option(name: .customLong("lang"), help: "Language of the titles: en or vi.")
    var language: Language = .en

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule folder or file (repeatable).", valueName: "PATH"))
    var rulePaths: [String] = []

    @Flag(help: "Accept a rule set with no rules.")
    var allowEmptyRules = false

    func run() throws {
        try ExitStatus.run { () throws(CLIError) -> ExitStatus in
            let session = try RuleSetSession.load(
                paths: rulePaths, maxFileBytes: YAMLLimits.default.maxFileBytes,
                emptyRules: .checked(allowed: allowEmptyRules, screening: false))
            session.printer.printAll(session.prepared.diagnostics.filter { $0.severity == .error })
            let rules = session.prepared.ruleSet.rules
            let lang = language.rawValue
            switch format {
            case .text:
                let rows = rules.map { [$0.id, $0.severity.rawValue, $0.scope.rawValue, $0.title.text(for: lang), $0.basis] }
                Terminal.printOutput(TextTable.render(header: ["ID", "SEVERITY", "SCOPE", "TITLE", "BASIS"], rows: rows))
            case .json:
                var writer = JSONWriter(pretty: true)
                writer.beginArray()
                for rule in rules {
                    writer.beginObject()
                    for (key, value) in [
                        ("id", rule.id), ("severity", rule.severity.rawValue), ("scope", rule.scope.rawValue),
                        ("title", rule.title.text(for: lang)), ("basis", rule.basis), ("file", rule.location.file),
                    ] {
                        writer.field(key, value)
                    }
                    writer.field("line", rule.location.line)
                    writer.endObject()
                }
                writer.endArray()
                Terminal.printOutput(writer.output + "\n")
            }
            return session.prepared.hasErrors ? .badInput : .clean
        }
    }
}
