import ArgumentParser
import RuleEngine
import Screening

/// `appraise check FILE...`: validates each dossier and evaluates the candidate rules on it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check candidate dossiers against the rules.",
        discussion: """
            Exit 0 when nothing reaches --fail-on, 1 when some finding does, 2 when a dossier or \
            rule file could not be read or validated.
            """
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var reporting: ReportingOptions

    @Argument(help: "Dossier files (YAML, format dossier/1).")
    var files: [String]

    func run() throws {
        try ExitStatus.run { () throws(CLIError) -> ExitStatus in
            let (session, schema, context) = try RuleSetSession.loadForScreening(
                paths: inputs.rulePaths, maxFileBytes: inputs.limits.maxFileBytes, language: reporting.language)
            let setup = try ScreeningSetup.make(
                inputs: inputs, reporting: reporting, slate: nil, style: .check, session: session, schema: schema,
                context: context)
            return try setup.run(files: files, reporting: reporting)
        }
    }
}
