import CEL

/// The first `for_each` lists of a dossier's candidate rules, for the programs two or more
/// rules share (`RuleCompiler` gives rules whose first `for_each` has the same text one
/// program): the first rule to run evaluates it, the others take its value. The shipped
/// `ASSET-INCOME-RATIO` and `ASSET-FOREIGN` both find the latest declaration this way, a loop
/// over the declarations inside a loop over them.
///
/// Same answers: a rule evaluates its first list before anything else, on a fresh budget of
/// the evaluator's limits, over inputs every rule shares; so the value, and what it spent, are
/// the same for each rule, and each rule carries on from the budget the evaluation left.
/// Not used with a cancellation flag (a server request), where when a loop stops is not a
/// function of the dossier.
struct SharedLoopLists {
    /// The programs worth keeping a value of: those of two or more rules. A handful at most
    /// (one for the shipped rules), searched in order: hashing each rule's program into a set
    /// cost more than comparing it with them.
    let shared: [ObjectIdentifier]
    private var values: [(program: ObjectIdentifier, value: Value, budget: EvaluationBudget)] = []

    init(shared: [ObjectIdentifier]) {
        self.shared = shared
    }

    /// The programs of `rules`' first lists that two or more of them hold.
    static func sharedPrograms(of rules: [CompiledRule]) -> [ObjectIdentifier] {
        var seen: Set<ObjectIdentifier> = []
        var shared: [ObjectIdentifier] = []
        for rule in rules {
            guard let program = rule.loops.first?.iterable else { continue }
            if !seen.insert(program.identity).inserted, !shared.contains(program.identity) {
                shared.append(program.identity)
            }
        }
        return shared
    }

    /// `program`'s value on `activation`, `budget` left as evaluating it leaves it; `budget`
    /// must be fresh (nothing spent yet).
    mutating func value(of program: Program, on activation: Activation, budget: inout EvaluationBudget) -> Value {
        let identity = program.identity
        guard shared.contains(identity), budget.limits.cancellation == nil else {
            return program.evaluate(activation, budget: &budget)
        }
        if let index = values.firstIndex(where: { $0.program == identity }) {
            budget = values[index].budget
            return values[index].value
        }
        let value = program.evaluate(activation, budget: &budget)
        values.append((identity, value, budget))
        return value
    }
}
