import CEL

/// The variables and functions a candidate rule sees — the dossier's top-level fields typed by
/// the schema, `as_of`, `params`, `slate`, `param_at`, `vnd` and the calendar — for trying an
/// expression outside a rule (`appraise eval --input`), exactly as a rule's `when` would see it.
public struct CandidateScope: Sendable {
    public let environment: Environment
    public let inputs: CompiledRule.Inputs
    let slotCount: Int

    public init(context: RuleContext, language: String = "en") {
        var scope = RuleScopeBuilder(environment: RuleCompiler.rootEnvironment(context))
        inputs = scope.declareInputs(.candidate, context: context)
        scope.environment.declare(function: "vnd", overloads: HostFunctions.vnd(language: language))
        environment = scope.environment
        slotCount = scope.slotCount
    }

    /// An activation with the dossier (or all-null fields when there is none) and the date.
    public func activation(dossier: ObjectValue?, asOf: CivilDate, params: Value, slate: Value = .null) -> Activation {
        var activation = Activation(slotCount: max(slotCount, environment.variableCount))
        inputs.bind(into: &activation, dossier: dossier, asOf: asOf, params: params, slate: slate)
        return activation
    }
}

extension CompiledRule.Inputs {
    /// Puts a candidate rule's inputs in their slots: the dossier's fields, the date, the
    /// parameters in force and the slate (null outside a slate).
    func bind(into activation: inout Activation, dossier: ObjectValue?, asOf: CivilDate, params: Value, slate: Value) {
        for input in dossierFields {
            activation[input.slot] = dossier.map { input.field < $0.fields.count ? $0.fields[input.field] : .null } ?? .null
        }
        activation[self.asOf] = .date(asOf)
        activation[self.params] = params
        activation[self.slate] = slate
    }
}
