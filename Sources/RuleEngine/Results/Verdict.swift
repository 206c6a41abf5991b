/// The outcome for one candidate. `invalid` means the dossier could not be read or did not
/// validate: no rule result is reported for it, and it is never counted as clean.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    case eligible
    case review
    case ineligible
    case invalid

    /// The verdict a set of findings gives a dossier that validated (`rules.md`, Verdicts);
    /// cleared findings (`decisions.md`) do not count.
    public static func of(findings: [Finding]) -> Verdict {
        let weight = findings.lazy.filter { !$0.isCleared }.map(\.severity.weight).max() ?? 0
        switch weight {
        case 2: return .ineligible
        case 1: return .review
        default: return .eligible
        }
    }
}
