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

    @OptionGroup(title: "Report options") var reporting: ReportingOptions
    @OptionGroup(title: "Input options") var inputs: InputOptions
    @OptionGroup(title: "Review options") var review: ReviewOptions
    @OptionGroup(title: "Limits against hostile input") var limits: LimitOptions

    @Argument(help: "Dossier files (YAML, format dossier/1).")
    var files: [String]

    func run() throws {
        try ExitStatus.run { () throws(CLIError) -> ExitStatus in
            for file in files where FileKind.of(file) == .directory {
                let file = WithheldPath.shown(file, redact: reporting.redacts)
                throw CLIError.usage(
                    "\(file) is a folder; `check` takes dossier files: run `appraise screen \(file)` to screen every *.yaml below it")
            }
            let (session, schema, context) = try RuleSetSession.loadForScreening(
                paths: inputs.rulePaths, maxFileBytes: limits.maxFileBytes, language: reporting.language,
                allowEmptyRules: inputs.allowEmptyRules)
            let setup = try ScreeningSetup.make(
                inputs: inputs, limits: limits, reporting: reporting, slate: nil, style: .check, session: session,
                schema: schema, context: context, review: review)
            return try setup.run(files: PathList(files), reporting: reporting)
        }
    }
}
