#if canImport(Glibc)
import Glibc
#endif
import CEL
import Reports
import RuleEngine
import YAML

/// What `check`, `screen` and the server share before screening: the rule set, the evaluation
/// date, the screener every worker uses, and the report header.
public struct ScreeningSetup: Sendable {
    public let session: RuleSetSession
    public let screener: DossierScreener
    /// The slate rules, for `screen`; nil for `check` or when the rule set has none.
    let slateEvaluator: SlateEvaluator?
    public let header: Report
    public let reportOptions: ReportOptions
    public let options: ScreeningOptions
    let jobs: Int

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
            schema: schema, screening: screening, limits: options.limits,
            validation: ValidationOptions(strict: options.strict), slateKeeper: keeper, redact: options.redact)
        let header = Report(
            tool: Report.Tool(version: options.toolVersion), asOf: asOf.description, asOfSource: source,
            language: language, rules: Report.RuleSetInfo(
                count: prepared.ruleSet.count, digest: prepared.ruleSet.digest,
                policyParams: prepared.parameters.parameters.filter(\.policy).map(\.name)),
            candidates: [],
            slate: Report.SlateInfo(file: slate?.file, committee: slate?.committee))
        let reportOptions = ReportOptions(language: language, color: options.color, explain: options.explain, style: style)
        return ScreeningSetup(
            session: session, screener: screener, slateEvaluator: slateEvaluator, header: header,
            reportOptions: reportOptions, options: options, jobs: options.jobs ?? ProcessInfoCores.count)
    }

    /// Screens `files` (read from disk, or given as `documents`, one per name), writes every
    /// report to its output, and returns the exit status and the summary.
    public func run(
        files: [String], documents: [[UInt8]]? = nil, outputs: [any ReportOutput], slateLocation: FindingLocation? = nil,
        observer: (any ScreeningObserver)? = nil
    ) throws(CLIError) -> (status: ExitStatus, summary: Report.Summary) {
        let sink = try ReportSink(destinations: outputs, options: reportOptions, redact: options.redact)
        let run = ScreeningRun(
            files: files, documents: documents, screener: screener, jobs: jobs, slateEvaluator: slateEvaluator,
            slateLocation: slateLocation, slateRecords: screener.slateKeeper.map(SlateCollector.init),
            failOn: options.failOn, observer: observer)
        let status = try run.run(header: header, sink: sink)
        return (status, sink.summary)
    }
}

/// How a screening runs and reports, read by the CLI from its options and by the server from a
/// request's query.
public struct ScreeningOptions: Sendable {
    /// The `--as-of` / `as_of` text, checked by `EvaluationDate.parse`; nil for the default date.
    public var asOf: String?
    public var language: Language = .en
    public var explain = false
    public var redact = false
    /// ANSI colors in text reports.
    public var color = false
    public var strict = false
    public var limits = YAMLLimits.default
    /// Worker threads; nil for the number of cores.
    public var jobs: Int?
    public var failOn: FailOn = .review
    /// The version the report's header names.
    public var toolVersion: String

    public init(toolVersion: String) { self.toolVersion = toolVersion }
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
