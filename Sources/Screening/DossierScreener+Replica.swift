import RuleEngine

extension DossierScreener {
    /// The same screener built from its rules prepared again: the same answers, and no object
    /// shared with this one, so that a worker thread's retains and releases stay on its own
    /// core's cache lines (`docs/performance.md`, "Nineteenth pass: a replica of the rules
    /// per worker").
    /// Without `preparation`, or should it fail to prepare again, this screener itself.
    func replica() -> DossierScreener {
        guard let fresh = preparation?.replica(), !fresh.hasErrors, let schema = fresh.schema, let context = fresh.context
        else { return self }
        var copy = self
        copy.schema = schema
        var evaluator = Evaluator(ruleSet: fresh.compiled, context: context)
        evaluator.limits = screening.evaluator.limits
        copy.screening = CandidateScreening(
            evaluator: evaluator, asOf: screening.asOf, language: screening.language, slate: screening.slate)
        copy.slateKeeper = slateKeeper.map { keeper in
            let ids = Set(keeper.ruleIDs)
            let rules = SlateEvaluator(rules: fresh.compiled.rules.filter { ids.contains($0.rule.id) }, context: context)
            return SlateKeeper(
                evaluator: rules, dossierType: schema.dossierType, slate: screening.slate, asOf: screening.asOf,
                params: copy.screening.params)
        }
        copy.preparation = fresh
        return copy
    }
}
