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
            CheckCommand.self, ScreenCommand.self, RulesCommand.self, EvalCommand.self, SchemaCommand.self,
            DecisionsCommand.self, DiffCommand.self, LSPCommand.self, ServeCommand.self, ErrorCodesCommand.self,
        ]
    )

    /// `appraise` with no command: the usage on standard error and exit 64 (`EX_USAGE`), so a
    /// script that forgot the command never reads a success.
    func run() throws {
        Terminal.printError(Self.helpMessage())
        Glibc.exit(64)
    }

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
