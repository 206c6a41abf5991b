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
        sharedSlotCount = Self.sharedSlotCount(of: self.rules)
        sharedLoops = SharedLoopLists.sharedPrograms(of: self.rules)
    }

    /// The first `for_each` programs two or more rules share (`SharedLoopLists`).
    private let sharedLoops: [ObjectIdentifier]

    /// The slots of one activation that serves every rule on a dossier; nil when the rules do
    /// not all put their inputs in the same slots (each then gets an activation of its own).
    ///
    /// Every candidate rule declares the inputs first, in the same order (`declareInputs`), so
    /// the dossier's fields, `as_of`, `params` and `slate` are bound once per dossier instead of
    /// once per rule. A rule's own names (`for_each`, `let`) take the slots after the inputs;
    /// another rule may have left a value there, but a rule writes each of its names before any
    /// of its programs reads it.
    private let sharedSlotCount: Int?

    private static func sharedSlotCount(of rules: [CompiledRule]) -> Int? {
        guard let first = rules.first?.inputs else { return nil }
        for rule in rules {
            let inputs = rule.inputs
            guard inputs.asOf == first.asOf, inputs.params == first.params, inputs.slate == first.slate,
                inputs.candidates == first.candidates, inputs.dossierFields.count == first.dossierFields.count,
                zip(inputs.dossierFields, first.dossierFields).allSatisfy({ $0 == $1 })
            else { return nil }
        }
        return rules.map(\.slotCount).max()
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
        if let sharedSlotCount, let inputs = rules.first?.inputs {
            var activation = Activation(slotCount: sharedSlotCount)
            inputs.bind(into: &activation, dossier: dossier, asOf: asOf, params: params, slate: slate)
            // The rules share the inputs' slots, so they may share first lists too.
            var lists = SharedLoopLists(shared: sharedLoops)
            var runner = RuleRunner(
                compiled: rules[0], language: language, fallback: fallback, placement: .candidate, asOf: asOf,
                candidateID: candidateID, limits: limits)
            for rule in rules {
                runner.compiled = rule
                runner.run(&activation, sharing: &lists, into: &findings)
            }
        } else {
            for rule in rules {
                findings += evaluate(rule, dossier: dossier, asOf: asOf, language: language, slate: slate,
                                     params: params, fallback: fallback, candidateID: candidateID, observer: nil)
            }
        }
        // In place: `sorted` would copy every finding (a dozen strings and arrays each).
        findings.sort(by: Finding.reportOrder)
        return findings
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
        return run(rule, on: &activation, asOf: asOf, language: language, fallback: fallback, candidateID: candidateID,
                   observer: observer)
    }

    /// One rule's findings on an activation with its inputs bound.
    private func run(
        _ rule: CompiledRule, on activation: inout Activation, asOf: CivilDate, language: String,
        fallback: FindingLocation, candidateID: String?, observer: (any RuleObserver)?
    ) -> [Finding] {
        var runner = RuleRunner(
            compiled: rule, language: language, fallback: fallback, placement: .candidate,
            asOf: asOf, candidateID: candidateID, limits: limits)
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
