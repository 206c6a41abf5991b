import Diagnostics
import RuleEngine
import YAML

/// Review decisions (format decisions/1) given as bytes and names: the files of `--decisions`
/// and a slate's `decisions:` as the CLI reads them, or the texts of a request's `decisions`.
/// Every problem is returned with its location; the caller refuses the run when `refused` is
/// set, because a decisions file that does not validate must never clear anything.
public enum DecisionDocuments {
    public struct Loaded: Sendable {
        /// The decisions to apply; nil when none were given or `refused` is set.
        public var ledger: DecisionLedger?
        /// Every problem found, errors and warnings, in file order then the cross-checks.
        public var diagnostics: [Diagnostic]
        /// The name of the first document that is invalid; nil when the decisions can be used.
        public var refused: String?
    }

    /// Loads and checks `documents` against the schema and the rule set's severities
    /// (a decision on a `disqualify` rule is an error). The digest covers the documents by
    /// file name, so that it does not depend on the working folder.
    public static func load(
        _ documents: [(name: String, bytes: [UInt8])], schema: Schema, ruleSet: RuleSet, limits: YAMLLimits
    ) -> Loaded {
        guard !documents.isEmpty else { return Loaded(ledger: nil, diagnostics: [], refused: nil) }
        var decisions: [ReviewDecision] = []
        var problems: [Diagnostic] = []
        var hashed: [(String, [UInt8])] = []
        var failed: String?
        for document in documents {
            hashed.append((document.name.split(separator: "/").last.map(String.init) ?? document.name, document.bytes))
            let (loaded, diagnostics) = DecisionsLoader.load(
                bytes: document.bytes, file: document.name, schema: schema, limits: limits)
            problems += diagnostics
            if let loaded { decisions += loaded } else if failed == nil { failed = document.name }
        }
        let severities = Dictionary(ruleSet.rules.map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        let checks = DecisionsLoader.check(decisions, severity: { severities[$0] })
        problems += checks
        if failed == nil, let first = checks.first(where: { $0.severity == .error }) {
            failed = first.location?.file ?? documents[0].name
        }
        guard failed == nil else { return Loaded(ledger: nil, diagnostics: problems, refused: failed) }
        return Loaded(
            ledger: DecisionLedger(decisions: decisions, digest: RuleSetLoader.digest(of: hashed)), diagnostics: problems,
            refused: nil)
    }
}
