import ArgumentParser
import Screening

#if canImport(Glibc)
import Glibc
#endif

/// The `appraise` command: checks candidates for new Party Committees against YAML rules.
@main
struct Appraise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appraise",
        abstract: "Check candidates for new Party Committees against eligibility rules.",
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, ScreenCommand.self, RulesCommand.self, EvalCommand.self, SchemaCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command line. A wrong command line exits 2, as `cli.md` requires, where
    /// ArgumentParser alone would exit 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code.rawValue == ExitCode.validationFailure.rawValue {
                Terminal.printError(fullMessage(for: error))
                Glibc.exit(ExitStatus.badInput.rawValue)
            }
            exit(withError: error)
        }
    }
}
