import ArgumentParser

/// The `appraise` command: checks candidates for new Party Committees against YAML rules.
@main
struct Appraise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appraise",
        abstract: "Check candidates for new Party Committees against eligibility rules.",
        version: "0.1.0",
        subcommands: [CheckCommand.self, ScreenCommand.self, EvalCommand.self, SchemaCommand.self]
    )
}
