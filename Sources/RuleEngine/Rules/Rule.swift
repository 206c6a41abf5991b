import CEL
import Diagnostics
import YAML

/// Whether a rule looks at one dossier or at the whole slate.
public enum RuleScope: String, Sendable, Hashable, CaseIterable {
    case candidate
    case slate
}

/// An expression written in a rule file, with its location for diagnostics.
public struct RuleExpression: Sendable {
    public var source: EmbeddedSource
    public var text: String { source.text }

    public init(source: EmbeddedSource) {
        self.source = source
    }
}

/// One `for_each` line, `NAME in EXPRESSION`.
public struct ForEachClause: Sendable {
    public var name: String
    public var iterable: RuleExpression
    /// Where the line is written.
    public var location: SourceLocation
}

/// One `let` entry: a named value computed before `when`.
public struct LetClause: Sendable {
    public var name: String
    public var expression: RuleExpression
    public var location: SourceLocation
}

/// The `examples` of a rule: partial dossiers (or slates) that must and must not trigger it.
/// They stay YAML nodes, so every validation error points into the rule file.
public struct RuleExamples: Sendable {
    public var triggers: [Node]
    public var passes: [Node]

    public init(triggers: [Node] = [], passes: [Node] = []) {
        self.triggers = triggers
        self.passes = passes
    }
}

/// A rule as written in a `rules/1` file, checked for shape but not yet compiled.
public struct Rule: Sendable {
    public var id: String
    public var title: LocalizedText
    public var severity: Severity
    /// The legal basis: one text, or texts dated by when each took effect (Quy định 80 until
    /// 2025-10-07, then Quy định 377). A finding cites `basisText(on: as_of)`.
    public var basis: DatedValues<String>
    public var scope: RuleScope
    public var forEach: [ForEachClause]
    public var lets: [LetClause]
    public var when: RuleExpression
    public var at: RuleExpression?
    public var involved: RuleExpression?
    /// Slate pair rules only: each candidate's blocking keys (`docs/performance.md`); only
    /// pairs whose keys meet are evaluated, so a slate of n candidates costs about n, not n².
    public var pairKeys: RuleExpression?
    /// With `pair_keys`: the keys each candidate points to (the relatives it lists). Pairs are
    /// then those where one candidate's links meet the other's keys, not keys meeting keys.
    public var pairLinks: RuleExpression? = nil
    public var message: LocalizedText
    public var examples: RuleExamples
    /// The start of the rule's mapping in its file.
    public var location: SourceLocation
    /// Where the `id` value is written (for duplicate-id notes).
    public var idLocation: SourceLocation
    /// The file's `examples_as_of`, the date of examples that give none.
    public var examplesAsOf: CivilDate?
    /// Position in the rule set's load order; sorts findings.
    public var order: Int

    /// The basis in force on `date`, by the same lookup as parameters.
    public func basisText(on date: CivilDate) -> String { basis.value(on: date) }

    /// The rule file's path as given.
    public var file: String { location.file }
}
