import CEL
import Diagnostics
import Reports
import RuleEngine
import Screening

extension ScreeningOptions {
    /// The options of `check` and `screen`'s command line (the `--redact-key` file is read by
    /// `ScreeningSetup.make`).
    init(inputs: InputOptions, limits: LimitOptions, reporting: ReportingOptions) {
        self.init(toolVersion: Appraise.configuration.version)
        asOf = reporting.asOf
        language = reporting.language
        explain = reporting.explain
        redact = reporting.redacts
        color = Terminal.useColor(noColorFlag: reporting.noColor) && reporting.outputs.isEmpty
        strict = inputs.strict
        self.limits = limits.yamlLimits
        evaluationLimits = limits.evaluationLimits
        jobs = inputs.jobs
        failOn = reporting.failOn
    }
}

extension ScreeningSetup {
    /// The setup of `check` (no slate) and `screen` from their command line, with the review
    /// decisions (`--decisions` and the slate's `decisions:`) and `--baseline` read and checked.
    static func make(
        inputs: InputOptions, limits: LimitOptions, reporting: ReportingOptions, slate: SlateFile?,
        slateRules: [CompiledRule] = [], style: TextStyle, session: RuleSetSession, schema: Schema,
        context: RuleContext, review: ReviewOptions = ReviewOptions(), slateDecisionFiles: [String] = []
    ) throws(CLIError) -> ScreeningSetup {
        var options = ScreeningOptions(inputs: inputs, limits: limits, reporting: reporting)
        _ = try EvaluationDate.parse(option: options.asOf)  // a bad --as-of first, before any file is read
        let decisions = try DecisionFiles.load(
            slateDecisionFiles + review.decisionFiles, schema: schema, ruleSet: session.prepared.ruleSet, limits: limits,
            printer: session.printer)
        let baseline = try review.baseline.map { (path) throws(CLIError) in
            let report = try JSONReportFile.read(path, limit: limits.maxFileBytes)
            return BaselineReport(path: report.path, findings: report.allFindings)
        }
        if options.redact { options.redactKey = try RedactionKey.read(reporting.redactKey) }
        var setup = try make(
            options: options, slate: slate, slateRules: slateRules, style: style, session: session, schema: schema,
            context: context)
        setup.decisions = decisions
        setup.baseline = baseline
        return setup
    }

    /// Screens `files`, writes the reports, prints the one-line summary when reports went to
    /// files, and returns the exit status.
    func run(files: PathList, reporting: ReportingOptions, slateLocation: FindingLocation? = nil) throws(CLIError) -> ExitStatus {
        let (status, summary) = try run(
            files: files, outputs: ReportDestination.all(for: reporting), slateLocation: slateLocation,
            observer: TerminalObserver(printer: session.printer))
        if !reporting.outputs.isEmpty {
            Terminal.printOutput(TextReporter.summaryLine(summary, language: reporting.language.rawValue) + "\n")
        }
        return status
    }
}

extension RuleSetSession {
    /// Prints the rule set's diagnostics with their lines, from the texts already read.
    var printer: DiagnosticPrinter { DiagnosticPrinter(preloaded: texts, maxFileBytes: maxFileBytes) }

    /// Loads, prints every problem, and fails when any is an error: screening with a broken
    /// rule set would report dossiers as cleaner than they are.
    static func loadForScreening(
        paths: [String], maxFileBytes: Int, language: Language, allowEmptyRules: Bool
    ) throws(CLIError) -> (RuleSetSession, Schema, RuleContext) {
        let session = try load(
            paths: paths, maxFileBytes: maxFileBytes, language: language,
            emptyRules: .checked(allowed: allowEmptyRules, screening: true))
        session.printer.printAll(session.prepared.diagnostics)
        let (schema, context) = try session.forScreening()
        return (session, schema, context)
    }
}

/// The progress bar, the notes and the decision problems of a screening, on standard error.
final class TerminalObserver: ScreeningObserver {
    private let printer: DiagnosticPrinter
    private var progress: Progress?

    init(printer: DiagnosticPrinter) { self.printer = printer }

    func started(total: Int) { progress = Progress(total: total) }
    func advanced() { progress?.advance() }
    func finished() { progress?.finish() }

    func skippedFile(_ file: String, format: String) {
        let kind = format == "slate/1" ? "slate" : "decisions"
        Terminal.printError("note: \(file) is a \(kind) file (format \(format)); skipped")
    }

    func problems(_ diagnostics: [Diagnostic]) { printer.printAll(diagnostics) }
}
