#if canImport(Glibc)
import Glibc
#endif
import CEL
import Reports
import RuleEngine

/// What `check` and `screen` share before screening: the rule set, the evaluation date, the
/// screener every worker uses, and the report header.
public struct ScreeningSetup: Sendable {
    public let session: RuleSetSession
    public private(set) var screener: DossierScreener
    /// The slate rules, for `screen`; nil for `check` or when the rule set has none.
    private(set) var slateEvaluator: SlateEvaluator?
    /// The report without candidates: what the run's reports start with.
    public let header: Report
    let reportOptions: ReportOptions
    private(set) var options: ScreeningOptions
    let jobs: Int
    let style: TextStyle
    /// The review decisions to apply, when any were named (`--decisions`, a slate's
    /// `decisions:`, a request's `decisions`).
    public var decisions: DecisionLedger? = nil
    /// The earlier report's findings to compare with (`--baseline`).
    public var baseline: BaselineReport? = nil

    /// Loads the rules and fixes the evaluation date; `slate` is the slate file when screening
    /// one; `slateRules` run after the candidates (none for `check`).
    public static func make(
        options: ScreeningOptions, slate: SlateFile?, slateRules: [CompiledRule] = [],
        style: TextStyle, session: RuleSetSession, schema: Schema, context: RuleContext
    ) throws(CLIError) -> ScreeningSetup {
        let option = try EvaluationDate.parse(option: options.asOf)
        let (asOf, source) = EvaluationDate.resolve(option: option, slate: slate?.congressDate)
        let prepared = session.prepared
        let language = options.language.rawValue
        var evaluator = Evaluator(ruleSet: prepared.compiled, context: context)
        evaluator.limits = options.evaluationLimits
        let screening = CandidateScreening(
            evaluator: evaluator, asOf: asOf, language: language, slate: slate.map { .object($0.value) } ?? .null)
        var slateEvaluator = slateRules.isEmpty ? nil : SlateEvaluator(rules: slateRules, context: context)
        slateEvaluator?.limits = options.evaluationLimits
        let keeper = slateEvaluator.map {
            SlateKeeper(
                evaluator: $0, dossierType: schema.dossierType, slate: screening.slate, asOf: asOf,
                params: screening.params)
        }
        var screener = DossierScreener(
            schema: schema, screening: screening, limits: options.limits,
            validation: ValidationOptions(strict: options.strict), slateKeeper: keeper, redact: options.redact)
        screener.preparation = prepared
        let header = Report(
            tool: Report.Tool(version: options.toolVersion), asOf: asOf.description, asOfSource: source,
            language: language, rules: Report.RuleSetInfo(
                count: prepared.ruleSet.count, digest: prepared.ruleSet.digest,
                policyParams: prepared.parameters.parameters.filter(\.policy).map(\.name), sources: session.sources),
            candidates: [],
            slate: Report.SlateInfo(file: slate?.file, committee: slate?.committee))
        let reportOptions = ReportOptions(language: language, color: options.color, explain: options.explain, style: style)
        return ScreeningSetup(
            session: session, screener: screener, slateEvaluator: slateEvaluator, header: header, reportOptions: reportOptions,
            options: options, jobs: options.jobs ?? ProcessInfoCores.count, style: style)
    }

    /// This setup with other evaluation limits: a server keeps one setup per rule set, date
    /// and language, and gives each request its own cancellation flag (`--request-timeout`)
    /// without building the evaluator, the parameters in force and the header again.
    public func with(evaluationLimits limits: EvaluationLimits) -> ScreeningSetup {
        var setup = self
        let screening = screener.screening
        var evaluator = screening.evaluator
        evaluator.limits = limits
        setup.screener.screening = CandidateScreening(
            evaluator: evaluator, asOf: screening.asOf, language: screening.language, slate: screening.slate,
            params: screening.params)
        setup.slateEvaluator?.limits = limits
        setup.options.evaluationLimits = limits
        return setup
    }

    /// Screens `files` (read from disk, or given as `documents`, one per name), writes every
    /// report to its output, and returns the exit status and the summary.
    public func run(
        files: PathList, documents: [[UInt8]]? = nil, outputs: [any ReportOutput], slateLocation: FindingLocation? = nil,
        observer: (any ScreeningObserver)? = nil
    ) throws(CLIError) -> (status: ExitStatus, summary: Report.Summary) {
        let sink = try ReportSink(
            destinations: outputs, header: header, options: reportOptions,
            redaction: options.redact ? .some(options.redactKey) : .none)
        var run = ScreeningRun(
            files: files, screener: screener, jobs: jobs, slateEvaluator: slateEvaluator, slateLocation: slateLocation,
            slateRecords: screener.slateKeeper.map(SlateCollector.init), failOn: options.failOn,
            decisions: decisions, baseline: baseline, slateFileIsError: style == .check)
        run.documents = documents
        run.observer = observer
        let status = try run.run(header: header, sink: sink)
        return (status, sink.summary)
    }
}

/// The number of cores, the default of `--jobs`.
public enum ProcessInfoCores {
    public static var count: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }
}

/// The findings of an earlier report that a run is compared with (`--baseline`): each finding
/// of the run is marked new or known, and those no longer found are listed.
public struct BaselineReport: Sendable {
    /// The report's path, named in the new report.
    public var path: String
    public var findings: [BaselineFinding]

    public init(path: String, findings: [BaselineFinding]) {
        self.path = path
        self.findings = findings
    }
}
