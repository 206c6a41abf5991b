import ArgumentParser
import Screening

/// `appraise rules`: tools for the people who write rules — lint, test, list, export.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Lint, test, list and export rule files.",
        subcommands: [RulesLintCommand.self, RulesTestCommand.self, RulesListCommand.self, RulesExportCommand.self]
    )
}
