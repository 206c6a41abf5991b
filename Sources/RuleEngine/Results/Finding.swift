import CEL
import Diagnostics

/// Where a finding points: a node of a dossier, with its field path, and where that node
/// ends, so that an editor or a SARIF viewer can underline the whole value.
public struct FindingLocation: Hashable, Sendable {
    /// The path as given on the command line, or the slate's folder joined with the entry.
    public var file: String
    /// 1-based line and column (libyaml's start mark of the node).
    public var line: Int
    public var column: Int
    /// The field path, such as `family[0].businesses[1].contracts[0]`, or `candidate`.
    public var path: String
    /// 1-based line and column where the node ends, exclusive (libyaml's end mark), in the
    /// same file; nil when only the start is known.
    public var endLine: Int?
    public var endColumn: Int?

    public init(file: String, line: Int, column: Int, path: String, endLine: Int? = nil, endColumn: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// From `location` to `end` (nil: a point).
    public init(_ location: SourceLocation, path: String, end: SourceLocation? = nil) {
        self.init(
            file: location.file, line: location.line, column: location.column, path: path,
            endLine: end?.line, endColumn: end?.column)
    }

    /// Where a value read from a document stands, under `path` (the origin's own by default).
    public init(_ origin: ValueOrigin, path: String? = nil) {
        self.init(origin.location, path: path ?? origin.path, end: origin.end)
    }

    /// The end as a location in the same file, nil for a point.
    public var end: SourceLocation? {
        guard let endLine, let endColumn else { return nil }
        return SourceLocation(file: file, line: endLine, column: endColumn)
    }
}

/// A plain value read from a dossier or computed by a rule, as reports print it.
public enum EvidenceValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    /// Strings, and dates as `YYYY-MM-DD`.
    case string(String)
    case list([EvidenceValue])
}

/// One dossier value that the decisive part of a rule read, with where it stands.
public struct EvidenceItem: Hashable, Sendable {
    public var location: FindingLocation
    public var value: EvidenceValue

    public init(location: FindingLocation, value: EvidenceValue) {
        self.location = location
        self.value = value
    }
}

/// A rule that held for a dossier (or a slate): which rule, why, on what basis, and where.
public struct Finding: Hashable, Sendable {
    public var rule: String
    public var severity: Severity
    /// The rule's title in the report language.
    public var title: String
    /// The rule's message template filled in, in the report language.
    public var message: String
    public var basis: String
    public var location: FindingLocation
    /// The dossier values the decisive part of `when` read.
    public var evidence: [EvidenceItem]
    /// The decisive comparisons as text, e.g. `months_between(d.date, as_of) = 8 < bar_months = 12`.
    public var comparisons: [String]
    /// Slate findings: the other dossiers involved, in input order.
    public var related: [FindingLocation]
    /// Position of the rule in load order; sorts findings of equal severity.
    public var ruleOrder: Int
    /// The candidate the finding is about; for a slate finding the candidates involved (none
    /// for a finding about the slate as a whole), sorted. What a decision's `candidate` or
    /// `involved` names.
    public var subjects: [String]
    /// `identity` and `content` (`decisions.md`), fixed when the finding is made, before any
    /// redaction, so every report format and every later run agree on them.
    public var fingerprint: FindingFingerprint
    /// The review decision that applies to this finding, when one does.
    public var decision: AppliedDecision?
    /// With `--baseline`: whether the finding is new, unchanged or updated against it.
    public var baseline: BaselineState?
    /// An `error` finding of a rule that failed at run time: the code and the place in the
    /// rule file of the part that failed.
    public var failure: RuleFailure?

    public init(
        rule: String, severity: Severity, title: String, message: String, basis: String,
        location: FindingLocation, evidence: [EvidenceItem] = [], comparisons: [String] = [],
        related: [FindingLocation] = [], ruleOrder: Int = 0, subjects: [String] = []
    ) {
        self.init(
            decoded: rule, severity: severity, title: title, message: message, basis: basis, location: location,
            evidence: evidence, comparisons: comparisons, related: related, ruleOrder: ruleOrder,
            subjects: subjects.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) },
            fingerprint: FindingFingerprint(subjects: subjects, rule: rule, path: location.path, evidence: evidence),
            failure: nil)
    }

    /// True when a `cleared` decision applies: the finding is reported but counts for nothing.
    public var isCleared: Bool { decision?.outcome == .cleared }

    /// Report order (`details.md` §18): severity, then rule load order, then line and column.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        lhs.reportPosition < rhs.reportPosition
    }

    /// The finding's place in report order, compared as a tuple: the one definition of that
    /// order, which `FindingSorter` sorts spilled slate findings by too.
    var reportPosition: (rank: Int, ruleOrder: Int, line: Int, column: Int) {
        (severity.reportRank, ruleOrder, location.line, location.column)
    }
}
