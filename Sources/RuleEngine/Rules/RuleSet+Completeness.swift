import Diagnostics

extension RuleSet {
    /// What a rule set must hold before anyone is screened with it: a rule set with no rules
    /// would find every candidate eligible (`rules.empty`), and one with slate rules but no
    /// candidate rules would too (`rules.no-candidate-rules`), most likely because `--rules`
    /// named the wrong folder or file. `allowEmpty` (`--allow-empty-rules`) says the user
    /// means it; `sources` are the paths given, for the message. The second is an error when
    /// `screening` (`check`, `screen`), a warning otherwise (`rules lint slate.yaml` is fine).
    /// Nothing is added to a rule set that already has errors.
    public func completenessDiagnostics(sources: [String], allowEmpty: Bool, screening: Bool) -> [Diagnostic] {
        // A file that did not load already stops the run; "no rule" would only repeat it.
        guard !allowEmpty, candidateRules.isEmpty, !hasErrors else { return [] }
        let named = sources.isEmpty ? "the shipped rule set" : sources.map { "'\($0)'" }.joined(separator: ", ")
        let fix = "name a rule folder or file with --rules, or pass --allow-empty-rules if this is meant"
        if rules.isEmpty {
            return [Diagnostic(code: "rules.empty", message: "\(named) holds no rule: \(fix)", location: nil)]
        }
        return [
            Diagnostic(
                code: "rules.no-candidate-rules", severity: screening ? .error : .warning,
                message: "\(named) holds \(slateRules.count) slate rules but no candidate rule, so every candidate "
                    + "would pass: \(fix)",
                location: nil)
        ]
    }
}
