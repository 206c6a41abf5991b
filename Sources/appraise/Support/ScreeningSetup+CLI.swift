import CEL
import Reports
import RuleEngine
import Screening

extension ScreeningOptions {
    /// The options of `check` and `screen`'s command line.
    init(inputs: InputOptions, reporting: ReportingOptions) {
        self.init(toolVersion: Appraise.configuration.version)
        asOf = reporting.asOf
        language = reporting.language
        explain = reporting.explain
        redact = reporting.redact
        color = Terminal.useColor(noColorFlag: reporting.noColor) && reporting.outputs.isEmpty
        strict = inputs.strict
        limits = inputs.limits.yamlLimits
        jobs = inputs.jobs
        failOn = reporting.failOn
    }
}

extension ScreeningSetup {
    /// The setup of `check` (no slate) and `screen` from their command line.
    static func make(
        inputs: InputOptions, reporting: ReportingOptions, slate: SlateFile?, slateRules: [CompiledRule] = [],
        style: TextStyle, session: RuleSetSession, schema: Schema, context: RuleContext
    ) throws(CLIError) -> ScreeningSetup {
        try make(
            options: ScreeningOptions(inputs: inputs, reporting: reporting), slate: slate, slateRules: slateRules,
            style: style, session: session, schema: schema, context: context)
    }

    /// Screens `files`, writes the reports, prints the one-line summary when reports went to
    /// files, and returns the exit status.
    func run(files: [String], reporting: ReportingOptions, slateLocation: FindingLocation? = nil) throws(CLIError) -> ExitStatus {
        let (status, summary) = try run(
            files: files, outputs: ReportDestination.all(for: reporting), slateLocation: slateLocation,
            observer: TerminalObserver())
        if !reporting.outputs.isEmpty {
            Terminal.printOutput(TextReporter.summaryLine(summary, language: reporting.language.rawValue) + "\n")
        }
        return status
    }
}

extension RuleSetSession {
    /// Prints the rule set's diagnostics with their lines, from the texts already read.
    var printer: DiagnosticPrinter { DiagnosticPrinter(preloaded: sources, maxFileBytes: maxFileBytes) }

    /// Loads, prints every problem, and fails when any is an error.
    static func loadForScreening(
        paths: [String], maxFileBytes: Int, language: Language
    ) throws(CLIError) -> (RuleSetSession, Schema, RuleContext) {
        let session = try load(paths: paths, maxFileBytes: maxFileBytes, language: language)
        session.printer.printAll(session.prepared.diagnostics)
        let (schema, context) = try session.forScreening()
        return (session, schema, context)
    }
}

/// The progress bar and the notes of a screening, on standard error.
final class TerminalObserver: ScreeningObserver {
    private var progress: Progress?

    func started(total: Int) { progress = Progress(total: total) }
    func advanced() { progress?.advance() }
    func finished() { progress?.finish() }

    func skippedSlateFile(_ file: String) {
        Terminal.printError("note: \(file) is a slate file (format slate/1); skipped")
    }
}
