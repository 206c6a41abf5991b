import Diagnostics

/// What became of one decision in a run that did not apply it (`decisions.md`): it is
/// reported, never ignored.
public enum DecisionStatus: Hashable, Sendable {
    /// No finding with that identity in this run.
    case unmatched
    /// The identity matches, the content reviewed differs: these evidence values changed
    /// (none listed when the decision did not record the evidence it reviewed).
    case stale([EvidenceChange])
    /// `expires <= as_of`.
    case expired
    /// Decided after `as_of`.
    case notYet

    /// `unmatched`, `stale`, `expired`, `not yet`.
    public var name: String {
        switch self {
        case .unmatched: "unmatched"
        case .stale: "stale"
        case .expired: "expired"
        case .notYet: "not yet"
        }
    }
}

/// A decision that applied to nothing, and why.
public struct DecisionNotice: Hashable, Sendable {
    public var decision: ReviewDecision
    public var status: DecisionStatus

    public init(decision: ReviewDecision, status: DecisionStatus) {
        self.decision = decision
        self.status = status
    }
}

/// The decisions of a run and what became of each: applied to findings as candidates are
/// screened (before redaction, so fingerprints and evidence are the real ones), then the
/// ones that applied to nothing, for the report's `decisions` section.
public struct DecisionLedger: Sendable {
    public let decisions: [ReviewDecision]
    /// `sha256:<hex>` over the sorted (path, bytes) of the decision files.
    public let digest: String
    private let index: FingerprintIndex
    /// Per decision: nil until a finding with its identity is met; `applied` once it applies.
    private var states: [State?]

    private enum State: Hashable, Sendable {
        case applied
        case notApplied(DecisionStatus)
    }

    public init(decisions: [ReviewDecision], digest: String) {
        self.decisions = decisions
        self.digest = digest
        self.index = FingerprintIndex(decisions.map { ($0.identity, $0.content) })
        self.states = Array(repeating: nil, count: decisions.count)
    }

    /// Applies the decisions in force on `asOf` to `findings`; returns the errors (a decision
    /// on a rule error finding), which leave the finding as it was.
    public mutating func apply(to findings: inout [Finding], asOf: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for position in findings.indices {
            let fingerprint = findings[position].fingerprint
            for candidate in index.candidates(identity: fingerprint.identity, content: fingerprint.content) {
                let decision = decisions[candidate]
                if decision.decidedOn > asOf {
                    note(candidate, .notYet)
                } else if let expires = decision.expires, expires <= asOf {
                    note(candidate, .expired)
                } else if !index.sameContent(candidate, fingerprint.content) {
                    // Without the evidence reviewed, only the fingerprint says that something changed.
                    let changes = decision.evidence.isEmpty
                        ? [] : EvidenceChange.between(decision.evidence, findings[position].evidenceTexts)
                    note(candidate, .stale(changes))
                } else if findings[position].severity == .error {
                    problems.append(DecisionMessages.errorFinding(decision))
                    states[candidate] = .applied
                } else if findings[position].decision == nil {
                    findings[position].decision = decision.applied
                    states[candidate] = .applied
                }
            }
        }
        return problems
    }

    /// Records why a decision did not apply, unless it applied to another finding.
    private mutating func note(_ position: Int, _ status: DecisionStatus) {
        if states[position] != .applied { states[position] = .notApplied(status) }
    }

    /// Every decision that applied to nothing, in file order.
    public var notices: [DecisionNotice] {
        decisions.indices.compactMap { position in
            switch states[position] {
            case .applied?: nil
            case .notApplied(let status)?: DecisionNotice(decision: decisions[position], status: status)
            case nil: DecisionNotice(decision: decisions[position], status: .unmatched)
            }
        }
    }
}
