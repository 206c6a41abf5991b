import CEL
import Diagnostics

/// Runs the slate rules over the valid dossiers of a slate (`details.md` §11, §13).
public struct SlateEvaluator: Sendable {
    public let rules: [CompiledRule]
    public let context: RuleContext
    /// The cost budget, which a slate rule gets scaled to the slate (`forSlate(of:)`): its
    /// work grows with the slate.
    public var limits: EvaluationLimits = .default

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
        evaluate(candidates: candidates, slate: slate, slateLocation: slateLocation, asOf: asOf, language: language,
                 params: params, observer: nil)
    }

    /// The same, watched by `observer` (`rules test --coverage`).
    func evaluate(
        candidates: [ObjectValue], slate: Value, slateLocation: FindingLocation?, asOf: CivilDate,
        language: String, params: Value?, observer: (any RuleObserver)?
    ) -> [Finding] {
        let params = params ?? context.paramsOn(asOf)
        let keys = pairKeys(slate: slate, asOf: asOf, params: params)
        return evaluate(
            candidates: SlateCandidates(dossiers: candidates, keys: keys), slate: slate, slateLocation: slateLocation,
            asOf: asOf, language: language, params: params, observer: observer)
    }

    /// The slate findings, in report order, for candidates held or kept on disk.
    public func evaluate(
        candidates: SlateCandidates, slate: Value, slateLocation: FindingLocation?, asOf: CivilDate,
        language: String, params: Value
    ) -> [Finding] {
        evaluate(candidates: candidates, slate: slate, slateLocation: slateLocation, asOf: asOf, language: language,
                 params: params, observer: nil)
    }

    func evaluate(
        candidates: SlateCandidates, slate: Value, slateLocation: FindingLocation?, asOf: CivilDate,
        language: String, params: Value, observer: (any RuleObserver)?
    ) -> [Finding] {
        let sorter = FindingSorter(runLength: .max)
        evaluate(
            candidates: candidates, slate: slate, slateLocation: slateLocation, asOf: asOf, language: language,
            params: params, into: sorter, observer: observer)
        return Array(sorter.sorted())
    }

    /// The same findings handed to `sorter` as the rules make them, which gives them back in
    /// report order: a screening passes one that keeps them in sorted runs on disk, so that a
    /// slate with many findings never holds them in memory (`docs/performance.md`, "Memory").
    public func evaluate(
        candidates: SlateCandidates, slate: Value, slateLocation: FindingLocation?, asOf: CivilDate,
        language: String, params: Value, into sorter: FindingSorter
    ) {
        evaluate(
            candidates: candidates, slate: slate, slateLocation: slateLocation, asOf: asOf, language: language,
            params: params, into: sorter, observer: nil)
    }

    private func evaluate(
        candidates: SlateCandidates, slate: Value, slateLocation: FindingLocation?, asOf: CivilDate,
        language: String, params: Value, into sorter: FindingSorter, observer: (any RuleObserver)?
    ) {
        let fallback = slateLocation
            ?? candidates.list.first.flatMap { $0.objectValue.flatMap(RuleRunner.dossierLocation) }
            ?? FindingLocation(file: "", line: 1, column: 1, path: "slate")
        let rules = self.rules
        let limits = self.limits.forSlate(of: candidates.list.count)
        // Each rule reads the candidates on its own, so rules may run side by side; the sorter
        // puts their findings in report order, ties in rule order.
        let parallel = candidates.list.count >= Self.candidatesPerThread ? candidates.parallel : .serial
        parallel.run(rules.count) { index in
            let outlet = FindingOutlet(sorter: sorter, rule: index)
            var found = Self.run(rules[index], candidates, slate, asOf, params, language, fallback, observer, limits, outlet)
            outlet.flush(&found)
        }
    }

    /// Below this many candidates, threads cost more than they save.
    public static let candidatesPerThread = 1_000

    private static func run(
        _ rule: CompiledRule, _ candidates: SlateCandidates, _ slate: Value, _ asOf: CivilDate, _ params: Value,
        _ language: String, _ fallback: FindingLocation, _ observer: (any RuleObserver)?, _ limits: EvaluationLimits,
        _ outlet: FindingOutlet
    ) -> [Finding] {
        var activation = Activation(slotCount: rule.slotCount)
        if let slot = rule.inputs.candidates { activation[slot] = .list(candidates.list(for: rule.rule.id)) }
        activation[rule.inputs.slate] = slate
        activation[rule.inputs.asOf] = .date(asOf)
        activation[rule.inputs.params] = params
        var runner = RuleRunner(
            compiled: rule, language: language, fallback: fallback, placement: .slate(candidates),
            asOf: asOf, limits: limits)
        runner.observer = observer
        runner.outlet = outlet
        return runner.run(&activation)
    }

    /// What computes each candidate's `pair_keys` for these rules.
    public func pairKeys(slate: Value, asOf: CivilDate, params: Value) -> SlatePairKeys {
        SlatePairKeys(rules: rules, slate: slate, asOf: asOf, params: params)
    }
}
