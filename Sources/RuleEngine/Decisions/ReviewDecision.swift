import Diagnostics

/// What a review concluded about a finding (`decisions.md`).
public enum DecisionOutcome: String, Sendable, Hashable, CaseIterable {
    /// The concern is answered: the finding stays in reports but no longer counts.
    case cleared
    /// The review was done and the concern stands: the finding counts as before.
    case upheld
}

/// One entry of a decisions file (format decisions/1), as validated: which finding it is
/// about (subjects, rule, location path, optionally the content reviewed) and the conclusion.
public struct ReviewDecision: Hashable, Sendable {
    /// `candidate`, or the sorted `involved` ids for a slate finding.
    public var subjects: [String]
    /// True when written with `involved:` (a slate finding).
    public var isSlate: Bool
    public var rule: String
    public var at: String
    /// The content fingerprint reviewed, when given.
    public var content: String?
    /// The evidence reviewed as (path, value text), when the template recorded it; lets a
    /// stale decision name what changed.
    public var evidence: [EvidenceText]
    public var outcome: DecisionOutcome
    public var reason: String
    public var decidedBy: String
    /// `YYYY-MM-DD`.
    public var decidedOn: String
    public var reference: String?
    /// `YYYY-MM-DD`.
    public var expires: String?
    /// Where the entry starts (`- candidate: …`), for every message about it.
    public var location: SourceLocation
    /// `decisions[3]`.
    public var path: String
    /// Where `rule:` is written, for the refusal of a decision on a `disqualify` rule.
    public var ruleLocation: SourceLocation?

    public init(
        subjects: [String], isSlate: Bool, rule: String, at: String, content: String?, evidence: [EvidenceText],
        outcome: DecisionOutcome, reason: String, decidedBy: String, decidedOn: String, reference: String?,
        expires: String?, location: SourceLocation, path: String, ruleLocation: SourceLocation? = nil
    ) {
        self.subjects = subjects
        self.isSlate = isSlate
        self.rule = rule
        self.at = at
        self.content = content
        self.evidence = evidence
        self.outcome = outcome
        self.reason = reason
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.reference = reference
        self.expires = expires
        self.location = location
        self.path = path
        self.ruleLocation = ruleLocation
    }

    /// The identity fingerprint of the finding this decision names.
    public var identity: String {
        FindingFingerprint(subjects: subjects, rule: rule, path: at, evidence: []).identity
    }

    /// `cleared`/`upheld` with the facts reports print under the finding.
    public var applied: AppliedDecision {
        AppliedDecision(
            outcome: outcome, reason: reason, decidedBy: decidedBy, decidedOn: decidedOn, reference: reference,
            expires: expires, source: location)
    }
}

/// A decision as a finding carries it in reports.
public struct AppliedDecision: Hashable, Sendable {
    public var outcome: DecisionOutcome
    public var reason: String
    public var decidedBy: String
    public var decidedOn: String
    public var reference: String?
    public var expires: String?
    /// Where the decision is written.
    public var source: SourceLocation

    public init(
        outcome: DecisionOutcome, reason: String, decidedBy: String, decidedOn: String, reference: String? = nil,
        expires: String? = nil, source: SourceLocation
    ) {
        self.outcome = outcome
        self.reason = reason
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.reference = reference
        self.expires = expires
        self.source = source
    }
}

/// A finding against a baseline report (`--baseline`, SARIF `baselineState`).
public enum BaselineState: String, Sendable, Hashable {
    /// No finding with this identity in the baseline.
    case new
    /// Same identity and content.
    case unchanged
    /// Same identity, other content.
    case updated
}
