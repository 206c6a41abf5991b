#if canImport(Glibc)
import Glibc
#endif
import CEL
import Reports
import RuleEngine

/// What `check` and `screen` share before screening: the rule set, the evaluation date, the
/// screener every worker uses, and the report header.
struct ScreeningSetup {
    let session: RuleSetSession
    let screener: DossierScreener
    /// The slate rules, for `screen`; nil for `check` or when the rule set has none.
    let slateEvaluator: SlateEvaluator?
    let header: Report
    let reportOptions: ReportOptions
    let jobs: Int

    /// Loads the rules and fixes the evaluation date; `slate` is the slate file when screening
    /// one; `slateRules` run after the candidates (none for `check`).
    static func make(
        inputs: InputOptions, reporting: ReportingOptions, slate: SlateFile?, slateRules: [CompiledRule] = [],
        style: TextStyle, session: RuleSetSession, schema: Schema, context: RuleContext
    ) throws(CLIError) -> ScreeningSetup {
        let option = try EvaluationDate.parse(option: reporting.asOf)
        let (asOf, source) = EvaluationDate.resolve(option: option, slate: slate?.congressDate)
        let prepared = session.prepared
        let language = reporting.language.rawValue
        let screening = CandidateScreening(
            evaluator: Evaluator(ruleSet: prepared.compiled, context: context), asOf: asOf, language: language,
            slate: slate.map { .object($0.value) } ?? .null)
        let slateEvaluator = slateRules.isEmpty ? nil : SlateEvaluator(rules: slateRules, context: context)
        let keeper = slateEvaluator.map {
            SlateKeeper(
                evaluator: $0, dossierType: schema.dossierType, slate: screening.slate, asOf: asOf,
                params: screening.params)
        }
        let screener = DossierScreener(
            schema: schema, screening: screening, limits: inputs.limits.yamlLimits,
            validation: ValidationOptions(strict: inputs.strict), slateKeeper: keeper, redact: reporting.redact)
        let header = Report(
            tool: Report.Tool(version: Appraise.configuration.version), asOf: asOf.description, asOfSource: source,
            language: language, rules: Report.RuleSetInfo(
                count: prepared.ruleSet.count, digest: prepared.ruleSet.digest,
                policyParams: prepared.parameters.parameters.filter(\.policy).map(\.name)),
            candidates: [],
            slate: Report.SlateInfo(file: slate?.file, committee: slate?.committee))
        let color = Terminal.useColor(noColorFlag: reporting.noColor) && reporting.outputs.isEmpty
        let options = ReportOptions(language: language, color: color, explain: reporting.explain, style: style)
        return ScreeningSetup(
            session: session, screener: screener, slateEvaluator: slateEvaluator, header: header, reportOptions: options,
            jobs: inputs.jobs ?? ProcessInfoCores.count)
    }

    /// Screens `files`, writes the reports, prints the one-line summary when reports went to
    /// files, and returns the exit status.
    func run(files: [String], reporting: ReportingOptions, slateLocation: FindingLocation? = nil) throws(CLIError) -> ExitStatus {
        let sink = try ReportSink(
            destinations: ReportDestination.all(for: reporting), options: reportOptions, redact: reporting.redact)
        let run = ScreeningRun(
            files: files, screener: screener, jobs: jobs, slateEvaluator: slateEvaluator, slateLocation: slateLocation,
            slateRecords: screener.slateKeeper.map(SlateCollector.init), failOn: reporting.failOn)
        let status = try run.run(header: header, sink: sink)
        if !reporting.outputs.isEmpty {
            Terminal.printOutput(TextReporter.summaryLine(sink.summary, language: reporting.language.rawValue) + "\n")
        }
        return status
    }
}

/// The number of cores, the default of `--jobs`.
enum ProcessInfoCores {
    static var count: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }
}
