import CEL

/// Watches a rule being evaluated, combination by combination, for tools that measure the
/// rules rather than the candidates (`rules test --coverage`). Screening passes none.
protocol RuleObserver: Sendable {
    /// Called once per `for_each` combination, once the first `boundLets` lets are bound in
    /// `activation` (all of them unless one failed, in which case `when` is not evaluated).
    func evaluated(_ rule: CompiledRule, _ activation: Activation, boundLets: Int)
}
