import CEL
import Diagnostics

/// Runs the slate rules over the valid dossiers of a slate (`details.md` §11, §13).
public struct SlateEvaluator: Sendable {
    public let rules: [CompiledRule]
    public let context: RuleContext

    public init(ruleSet: CompiledRuleSet, context: RuleContext) {
        self.init(rules: ruleSet.slateRules, context: context)
    }

    public init(rules: [CompiledRule], context: RuleContext) {
        self.rules = rules.filter { $0.rule.scope == .slate }
        self.context = context
    }

    /// The slate findings, in report order, for candidates held in memory. `slate` is the
    /// slate file's `slate` object, or null for `screen DIR`; `slateLocation` is where that
    /// node stands (findings of rules without `involved`/`at` point there; with no slate
    /// file, at the first dossier).
    public func evaluate(
        candidates: [ObjectValue], slate: Value, slateLocation: FindingLocation?, asOf: CivilDate,
        language: String = "en", params: Value? = nil
    ) -> [Finding] {
        let params = params ?? context.paramsOn(asOf)
        let keys = pairKeys(slate: slate, asOf: asOf, params: params)
        return evaluate(
            candidates: SlateCandidates(dossiers: candidates, keys: keys), slate: slate, slateLocation: slateLocation,
            asOf: asOf, language: language, params: params)
    }

    /// The slate findings, in report order, for candidates held or kept on disk.
    public func evaluate(
        candidates: SlateCandidates, slate: Value, slateLocation: FindingLocation?, asOf: CivilDate,
        language: String, params: Value
    ) -> [Finding] {
        let fallback = slateLocation
            ?? candidates.list.first.flatMap { $0.objectValue.flatMap(RuleRunner.dossierLocation) }
            ?? FindingLocation(file: "", line: 1, column: 1, path: "slate")
        var findings: [Finding] = []
        for rule in rules {
            var activation = Activation(slotCount: rule.slotCount)
            if let slot = rule.inputs.candidates { activation[slot] = .list(candidates.list) }
            activation[rule.inputs.slate] = slate
            activation[rule.inputs.asOf] = .date(asOf)
            activation[rule.inputs.params] = params
            let runner = RuleRunner(compiled: rule, language: language, fallback: fallback, placement: .slate(candidates))
            findings += runner.run(&activation)
        }
        return findings.sorted(by: Finding.reportOrder)
    }

    /// What computes each candidate's `pair_keys` for these rules.
    public func pairKeys(slate: Value, asOf: CivilDate, params: Value) -> SlatePairKeys {
        SlatePairKeys(rules: rules, slate: slate, asOf: asOf, params: params)
    }
}
