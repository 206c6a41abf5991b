import CEL

/// Why a rule gave no finding, for a `triggers` example that did not trigger: for each
/// `for_each` combination where `when` was false, the values it read and its decisive
/// comparisons, each saying what it gave (`months_between(d.date, as_of) = 12 < 6 → false`).
public struct RuleMiss: Sendable, Hashable {
    /// The innermost `for_each` element, or `candidate`.
    public var location: FindingLocation
    public var evidence: [EvidenceItem]
    public var comparisons: [String]
}

extension RuleRunner {
    /// The combinations where `when` did not hold, explained; run only for a failing example.
    func misses(_ activation: inout Activation) -> [RuleMiss] {
        var misses: [RuleMiss] = []
        var ignored: [Finding] = []
        var budget = EvaluationBudget(limits: limits)
        iterate(depth: 0, innermost: .none, activation: &activation, budget: &budget, into: &ignored) {
            innermost, activation, budget, _ in
            for binding in compiled.bindings {
                let value = binding.program.evaluate(activation, budget: &budget)
                if case .error = value { return }
                activation[binding.slot] = value
            }
            guard case .bool(false) = compiled.when.evaluate(activation, budget: &budget) else { return }
            let explained = Evidence.explain(compiled.when, lets: compiled.evidenceBindings, activation)
            misses.append(RuleMiss(
                location: innermost.location(in: activation) ?? fallback, evidence: explained.items, comparisons: explained.comparisons))
        }
        return misses
    }
}

extension Evaluator {
    /// Why `rule` gave no finding on `dossier` (see `RuleMiss`), for `rules test`.
    public func misses(
        _ rule: CompiledRule, dossier: ObjectValue, asOf: CivilDate, language: String, params: Value
    ) -> [RuleMiss] {
        var activation = Activation(slotCount: rule.slotCount)
        rule.inputs.bind(into: &activation, dossier: dossier, asOf: asOf, params: params, slate: .null)
        let runner = RuleRunner(
            compiled: rule, language: language, fallback: Self.candidateLocation(of: dossier), placement: .candidate,
            asOf: asOf, limits: limits)
        return runner.misses(&activation)
    }
}
