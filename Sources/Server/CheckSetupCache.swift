import CEL
import Reports
import Screening
import Synchronization

/// The setups of `POST /v1/check` for one rule set, made once per evaluation date, language
/// and `explain` rather than once per request: the evaluator over the compiled rules, the
/// parameters in force on the date, the report header and its pretty JSON text. A request
/// takes its entry and gives the setup its own evaluation limits (`ScreeningSetup.with`).
/// It lives in the `RuleSetSnapshot`, so a reloaded rule set starts with none.
final class CheckSetupCache: Sendable {
    struct Key: Hashable {
        var asOf: CivilDate
        var source: AsOfSource
        var language: Language
        var explain: Bool
    }

    struct Entry: Sendable {
        /// Made with no cancellation flag: each request sets its own.
        let setup: ScreeningSetup
        /// The UTF-8 of `JSONReporter.prettyHeader` of the setup's header.
        let header: [UInt8]
    }

    /// At most this many entries: past it the cache starts again, so clients sending many
    /// different `as_of` dates cannot grow the server's memory.
    static let capacity = 32
    private let entries = Mutex<[Key: Entry]>([:])

    /// The entry of `options` (a check's: one job, the server's limits) over `rules`.
    func entry(options: ScreeningOptions, rules: LoadedRules) throws(CLIError) -> Entry {
        // The key holds the date the request runs on, so that a default date moves at midnight.
        let (asOf, source) = EvaluationDate.resolve(option: try EvaluationDate.parse(option: options.asOf), slate: nil)
        let key = Key(asOf: asOf, source: source, language: options.language, explain: options.explain)
        if let entry = entries.withLock({ $0[key] }) { return entry }
        var shared = options
        shared.evaluationLimits.cancellation = nil
        let setup = try ScreeningSetup.make(
            options: shared, slate: nil, style: .check, session: rules.session, schema: rules.schema, context: rules.context)
        let entry = Entry(setup: setup, header: Array(JSONReporter.prettyHeader(setup.header).utf8))
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll() }
            entries[key] = entry
        }
        return entry
    }
}
