import ArgumentParser
import Reports
import RuleEngine
import Screening

/// `appraise rules test [PATH...]`: runs every rule's examples and the test files under
/// `tests/`, ending with `N passed, M failed`.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's examples and the rule test files.",
        discussion: """
            Exit 0 when all pass, 1 when some fail, 2 when a test cannot fail (a rule without a \
            triggering example, an expectation naming no rule) or a file does not load.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, junit
    }

    @Option(help: "text, or junit (JUnit XML for CI systems).")
    var format: Format = .text

    @Option(name: .customLong("lang"), help: "Language of the messages shown: en or vi.")
    var language: Language = .en

    @OptionGroup var files: RuleFileOptions

    func run() throws {
        try ExitStatus.run { () throws(CLIError) -> ExitStatus in
            let session = try RuleSetSession.load(paths: files.paths, maxFileBytes: files.maxFileBytes, language: language)
            session.printer.printAll(session.prepared.diagnostics)
            guard !session.prepared.hasErrors else { throw CLIError.rulesInvalid }
            let report = ExampleRunner(prepared: session.prepared, language: language.rawValue).run()
            switch format {
            case .text:
                session.printer.printAll(report.problems)
                Terminal.printOutput(report.renderText())
            case .junit:
                session.printer.printAll(report.problems)
                Terminal.printOutput(report.renderJUnit())
            }
            return ExitStatus(rawValue: report.exitCode) ?? .badInput
        }
    }
}
