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

    /// The slate findings, in report order. `slate` is the slate file's `slate` object, or null
    /// for `screen DIR`; `slateLocation` is where that node stands (findings of rules without
    /// `involved`/`at` point there; with no slate file, at the first dossier).
    public func evaluate(
        candidates: [ObjectValue], slate: Value, slateLocation: FindingLocation?, asOf: CivilDate,
        language: String = "en", params: Value? = nil
    ) -> [Finding] {
        let params = params ?? context.paramsOn(asOf)
        var findings: [Finding] = []
        for rule in rules {
            findings += evaluate(rule, candidates: candidates, slate: slate, slateLocation: slateLocation,
                                 asOf: asOf, language: language, params: params)
        }
        return findings.sorted(by: Finding.reportOrder)
    }

    /// One rule's findings (unsorted).
    public func evaluate(
        _ rule: CompiledRule, candidates: [ObjectValue], slate: Value, slateLocation: FindingLocation?,
        asOf: CivilDate, language: String, params: Value
    ) -> [Finding] {
        var order: [ObjectIdentifier: Int] = [:]
        for (index, dossier) in candidates.enumerated() { order[ObjectIdentifier(dossier)] = index }
        var activation = Activation(slotCount: rule.slotCount)
        if let slot = rule.inputs.candidates {
            activation[slot] = .list(ListValue(candidates.map(Value.object)))
        }
        activation[rule.inputs.slate] = slate
        activation[rule.inputs.asOf] = .date(asOf)
        activation[rule.inputs.params] = params
        let fallback = slateLocation
            ?? candidates.first.flatMap(RuleRunner.dossierLocation)
            ?? FindingLocation(file: "", line: 1, column: 1, path: "slate")
        let runner = RuleRunner(compiled: rule, language: language, fallback: fallback, placement: .slate(order: order))
        return runner.run(&activation)
    }
}
