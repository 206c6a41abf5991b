/// How findings become a verdict (`rules.md`, Verdicts): any `disqualify` → ineligible; any
/// `review` or rule error → review; else eligible. A dossier that did not validate is invalid
/// and gets no rule results.
public enum VerdictPolicy {
    /// The verdict of a dossier: invalid when it did not validate, else from its findings.
    public static func verdict(valid: Bool, findings: [Finding]) -> Verdict {
        valid ? Verdict.of(findings: findings) : .invalid
    }
}
