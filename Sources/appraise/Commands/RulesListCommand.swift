import Reports
import Screening
import YAML
import ArgumentParser
import Reports
import RuleEngine

/// `appraise rules list`: every rule's id, severity, title and dated legal bases, then every
/// parameter with its dated values, policy parameters marked.
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the rules (id, severity, title, dated bases) and the parameters (values, policy)."
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
            let listing = RulesListing(
                rules: session.prepared.ruleSet.rules, parameters: session.prepared.parameters.parameters,
                language: language.rawValue)
            Terminal.printOutput(format == .text ? listing.text : listing.json)
            return session.prepared.hasErrors ? .badInput : .clean
        }
    }
}
