import CEL

/// Runs the candidate rules on one dossier (`rules.md`): every finding, in report order.
/// One `Evaluator` serves a whole run and is safe to share across tasks.
public struct Evaluator: Sendable {
    public let rules: [CompiledRule]
    public let context: RuleContext
    /// The cost budget of each rule on each dossier (`--max-eval-steps`, `--max-eval-bytes`;
    /// a server passes its own per request).
    public var limits: EvaluationLimits = .default

    /// The candidate rules of `ruleSet`.
    public init(ruleSet: CompiledRuleSet, context: RuleContext) {
        self.init(rules: ruleSet.candidateRules, context: context)
    }

    public init(rules: [CompiledRule], context: RuleContext) {
        self.rules = rules.filter { $0.rule.scope == .candidate }
        self.context = context
    }

    /// The findings for a validated dossier on `asOf`, messages in `language`; `slate` is the
    /// slate file's `slate` object, or null outside a slate. `params` defaults to the values in
    /// force on `asOf`.
    public func evaluate(
        dossier: ObjectValue, asOf: CivilDate, language: String = "en", slate: Value = .null, params: Value? = nil
    ) -> [Finding] {
        let params = params ?? context.paramsOn(asOf)
        // Found once per dossier, not once per rule: each is a lookup by name.
        let fallback = Self.candidateLocation(of: dossier)
        let candidateID = Self.candidateID(of: dossier)
        var findings: [Finding] = []
        for rule in rules {
            findings += evaluate(rule, dossier: dossier, asOf: asOf, language: language, slate: slate,
                                 params: params, fallback: fallback, candidateID: candidateID, observer: nil)
        }
        return findings.sorted(by: Finding.reportOrder)
    }

    /// One rule's findings (unsorted), for `rules test`.
    public func evaluate(
        _ rule: CompiledRule, dossier: ObjectValue, asOf: CivilDate, language: String, slate: Value, params: Value,
        fallback: FindingLocation? = nil
    ) -> [Finding] {
        evaluate(rule, dossier: dossier, asOf: asOf, language: language, slate: slate, params: params,
                 fallback: fallback, observer: nil)
    }

    /// The same, watched by `observer`.
    func evaluate(
        _ rule: CompiledRule, dossier: ObjectValue, asOf: CivilDate, language: String, slate: Value, params: Value,
        fallback: FindingLocation?, observer: (any RuleObserver)?
    ) -> [Finding] {
        evaluate(
            rule, dossier: dossier, asOf: asOf, language: language, slate: slate, params: params,
            fallback: fallback ?? Self.candidateLocation(of: dossier), candidateID: Self.candidateID(of: dossier),
            observer: observer)
    }

    private func evaluate(
        _ rule: CompiledRule, dossier: ObjectValue, asOf: CivilDate, language: String, slate: Value, params: Value,
        fallback: FindingLocation, candidateID: String?, observer: (any RuleObserver)?
    ) -> [Finding] {
        var activation = Activation(slotCount: rule.slotCount)
        rule.inputs.bind(into: &activation, dossier: dossier, asOf: asOf, params: params, slate: slate)
        var runner = RuleRunner(
            compiled: rule, language: language, fallback: fallback, placement: .candidate,
            basis: rule.rule.basisText(on: asOf), candidateID: candidateID, limits: limits)
        runner.observer = observer
        return runner.run(&activation)
    }

    /// The candidate's id, which every finding's fingerprint names.
    static func candidateID(of dossier: ObjectValue) -> String? {
        dossier.field("candidate")?.objectValue?.field("id")?.stringValue
    }

    /// Where a finding about the candidate as a whole points: the `candidate` node.
    public static func candidateLocation(of dossier: ObjectValue) -> FindingLocation {
        if let slot = dossier.type.slot(of: "candidate"), case .object(let candidate) = dossier.fields[slot],
            let origin = candidate.origin
        {
            return FindingLocation(origin, path: "candidate")
        }
        if let origin = dossier.origin { return FindingLocation(origin, path: "candidate") }
        return FindingLocation(file: "", line: 1, column: 1, path: "candidate")
    }
}
