import Diagnostics

/// The codes `POST /v1/decisions` refuses a decision with (beside `decision.disqualify`,
/// `decision.error-finding` and `decision.duplicate` of the decisions file): each names the
/// request field at fault in its diagnostic's `path`, so a form can show it at that field.
public enum DecisionRequestCode: String, DiagnosticCodeCatalogue {
    case invalidField = "decision.invalid-field"
    case unknownSlate = "decision.unknown-slate"
    case unknownRule = "decision.unknown-rule"
    case unknownCandidate = "decision.unknown-candidate"
    case noSuchFinding = "decision.no-such-finding"
    case contentChanged = "decision.content-changed"
    case noDecisionsFile = "decision.no-decisions-file"
    case cannotAppend = "decision.cannot-append"
    case writeFailed = "decision.write-failed"

    public var meaning: String {
        switch self {
        case .invalidField: "a field of a decision sent to the server is missing, unknown, of the wrong type or value"
        case .unknownSlate: "a decision sent to the server names a slate the workspace does not hold"
        case .unknownRule: "a decision sent to the server names a rule the rule set does not have"
        case .unknownCandidate: "a decision sent to the server names a candidate the slate does not list"
        case .noSuchFinding: "a decision sent to the server names no current finding of that rule at that path"
        case .contentChanged: "the finding's evidence changed since the reviewer saw it (its content fingerprint differs)"
        case .noDecisionsFile: "the slate names no decisions file (a literal path under decisions:) to record in"
        case .cannotAppend: "the slate's decisions file is not laid out so that a decision can be appended at its end"
        case .writeFailed: "the server could not write the slate's decisions file; the file is left as it was"
        }
    }
}
