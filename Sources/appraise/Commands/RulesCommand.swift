import ArgumentParser

/// `appraise rules`: tools for the people who write rules — lint, test, list.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Lint, test and list rule files.",
        subcommands: [RulesLintCommand.self, RulesTestCommand.self, RulesListCommand.self]
    )
}
