import CEL

/// Where in a rule an expression is written, for the environment it is checked in.
public enum RuleExpressionSite: Sendable, Hashable {
    /// The `for_each` line at this index (sees the names of the earlier lines).
    case forEach(Int)
    /// The `let` entry at this index (sees every `for_each` name and the earlier `let`s).
    case letEntry(Int)
    /// `when`, `at`, `involved`, `pair_keys` and message placeholders: every name.
    case body
}

extension RuleCompiler {
    /// The environment the compiler checks the expression at `site` of `rule` in: the
    /// scope's inputs, the `for_each` and `let` names declared before it, and `vnd`. Editor
    /// tools (hover, completion) ask it, so they see the names and types the compiler sees.
    public static func environment(of rule: Rule, at site: RuleExpressionSite, context: RuleContext) -> Environment {
        var scope = RuleScopeBuilder(environment: rootEnvironment(context))
        _ = scope.declareInputs(rule.scope, context: context)
        let loopLimit: Int
        let letLimit: Int
        switch site {
        case .forEach(let index): (loopLimit, letLimit) = (index, 0)
        case .letEntry(let index): (loopLimit, letLimit) = (rule.forEach.count, index)
        case .body: (loopLimit, letLimit) = (rule.forEach.count, rule.lets.count)
        }
        for clause in rule.forEach.prefix(loopLimit) {
            let program = scope.compile(clause.iterable, languageForMoney: nil)
            _ = scope.declare(clause.name, type: scope.elementType(of: program, clause: clause), at: clause.location)
        }
        for clause in rule.lets.prefix(letLimit) {
            let program = scope.compile(clause.expression, languageForMoney: nil)
            _ = scope.declare(clause.name, type: program?.resultType ?? .dyn, at: clause.location)
        }
        let environment = scope.environment.extended()
        environment.declare(function: "vnd", overloads: HostFunctions.vnd(language: "en"))
        return environment
    }
}
