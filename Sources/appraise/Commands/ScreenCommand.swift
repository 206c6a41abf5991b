import ArgumentParser
import CEL
import RuleEngine
import Screening

/// `appraise screen SLATE.yaml|DIR`: batch-screens a congress slate (or every dossier under a
/// folder) in parallel, with candidate rules and then slate-wide rules.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen a congress slate, or every *.yaml dossier under a folder.",
        discussion: """
            Progress goes to standard error when it is a terminal. Reports come out in input \
            order whatever --jobs is. Exit 0 when nothing reaches --fail-on, 1 when some finding \
            does (slate findings included), 2 when any input could not be read or validated.
            """
    )

    @OptionGroup(title: "Report options") var reporting: ReportingOptions
    @OptionGroup(title: "Input options") var inputs: InputOptions
    @OptionGroup(title: "Review options") var review: ReviewOptions
    @OptionGroup(title: "Limits against hostile input") var limits: LimitOptions

    @Argument(help: "A slate file (format slate/1) or a folder of dossiers.")
    var target: String

    func run() throws {
        try ExitStatus.run { () throws(CLIError) -> ExitStatus in
            let (session, schema, context) = try RuleSetSession.loadForScreening(
                paths: inputs.rulePaths, maxFileBytes: limits.maxFileBytes, language: reporting.language,
                allowEmptyRules: inputs.allowEmptyRules)
            let (matched, slate, inputStatus) = try resolveTarget(schema: schema, printer: session.printer)
            let slateDecisionFiles = try slate.map(SlateTarget.decisionFiles) ?? []
            // The slate's own decision files may sit among its dossiers ('*.yaml'): not dossiers.
            let files = slateDecisionFiles.isEmpty ? matched : matched.filter { !slateDecisionFiles.contains($0) }
            let slateRules = session.prepared.compiled.rules.filter { $0.rule.scope == .slate }
            let setup = try ScreeningSetup.make(
                inputs: inputs, limits: limits, reporting: reporting, slate: slate, slateRules: slateRules,
                style: .screen, session: session, schema: schema, context: context, review: review,
                slateDecisionFiles: slateDecisionFiles)
            let slateLocation = slate?.value.origin.map { FindingLocation($0, path: "slate") }
            let status = try setup.run(files: files, reporting: reporting, slateLocation: slateLocation)
            return max(status, inputStatus)
        }
    }

    /// The dossier files and the slate, from a slate file or a folder; problems with the
    /// folder walk (a symlink loop) are printed and make the exit status 2.
    private func resolveTarget(schema: Schema, printer: DiagnosticPrinter) throws(CLIError)
        -> (files: PathList, slate: SlateFile?, status: ExitStatus)
    {
        switch FileKind.of(target) {
        case nil: throw CLIError.io(path: target, reason: "no such file or folder")
        case .directory?:
            let (files, problems) = DossierFinder.yamlFiles(below: target)
            for problem in problems {
                let path = WithheldPath.shown(problem.path, redact: reporting.redacts)
                Terminal.printError("\(path): error: \(problem.message) [\(problem.code)]")
            }
            return (files, nil, problems.isEmpty ? .clean : .badInput)
        case .file?, .other?:
            let (slate, diagnostics, files) = try SlateTarget.load(
                target, schema: schema, limits: limits.yamlLimits, strict: inputs.strict)
            printer.printAll(diagnostics)
            guard let slate else { throw CLIError.inputInvalid(target) }
            return (PathList(files), slate, .clean)
        }
    }
}
