import Diagnostics

/// Which rule files a run used, beside the rule count and digest of `Report.RuleSetInfo`, so
/// that every report says what ran (issue 20): a `--rules` that replaced the shipped set is
/// visible in the report itself, not only on the command line.
public struct RuleSources: Hashable, Sendable {
    /// The `--rules` paths as given; empty when none was given and the shipped set ran.
    public var paths: [String]
    /// Whether the shipped rule set ran (always when `paths` is empty).
    public var includesShipped: Bool
    /// The `--rules` argument that adds the shipped set (`rules`, or the folder
    /// `appraise rules export` wrote it to), for the note when it did not run; nil when unknown.
    public var shippedPath: String?

    public init(paths: [String] = [], includesShipped: Bool = true, shippedPath: String? = nil) {
        self.paths = paths
        self.includesShipped = includesShipped
        self.shippedPath = shippedPath
    }

    /// The shipped set alone, the default.
    public static let shipped = RuleSources()

    /// The sources as reports print them: the paths, or `shipped`.
    public var names: [String] { paths.isEmpty ? ["shipped"] : paths }
}

extension TextReporter.Context {
    /// The lines every text report starts with (both `check` and `screen`): the evaluation date
    /// and where it came from, the rules (sources, count, digest), and a note when the shipped
    /// rules did not run. The date line comes first in the caller's output when it is today.
    func provenance(_ report: Report) -> (asOf: String, rules: [String]) {
        var asOf = "\(labels.asOf): \(labels.date(report.asOf)) (\(labels.source(report.asOfSource)))"
        if report.asOfSource == .today { asOf += " — " + labels.todayHint }
        let sources = report.rules.sources
        let from = sources.paths.isEmpty ? labels.shippedRules : labels.from + " " + sources.paths.joined(separator: ", ")
        var rules = ["\(labels.rules): \(report.rules.count), \(from) (\(report.rules.digest))"]
        if !sources.includesShipped {
            rules.append(labels.shippedNotRun(sources.shippedPath))
        }
        return (asOf, rules)
    }
}

extension JSONReporter {
    /// The `sources` and `includes_shipped` members of the `rules` object.
    static func writeSources(_ sources: RuleSources, to writer: inout JSONWriter) {
        writer.key("sources")
        writer.beginArray()
        for name in sources.names { writer.string(name) }
        writer.endArray()
        writer.key("includes_shipped")
        writer.bool(sources.includesShipped)
    }
}
