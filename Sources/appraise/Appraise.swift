import ArgumentParser

/// The `appraise` command: checks candidates for new Party Committees against YAML rules.
@main
struct Appraise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appraise",
        abstract: "Check candidates for new Party Committees against eligibility rules.",
        version: "0.1.0",
        subcommands: [CheckCommand.self, ScreenCommand.self, EvalCommand.self]
    )

    /// Runs the command, mapping ArgumentParser's usage errors (exit 64) to exit 2, which
    /// `cli.md` gives to a wrong command line; every other exit is left as the command chose.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.printError(fullMessage(for: error))
                exit(withError: ExitStatus.badInput.exitCode)
            }
            exit(withError: error)
        }
    }
}
