/// The values of an expression's variables, by the slots `Environment.declare` returned.
/// Build one per dossier (or per `for_each` element) and evaluate many programs on it.
public struct Activation: Sendable {
    var values: [Value]

    public init(slotCount: Int) { values = Array(repeating: .null, count: slotCount) }

    public subscript(slot: Int) -> Value {
        get { values.indices.contains(slot) ? values[slot] : .null }
        set {
            if slot >= values.count { values.append(contentsOf: Array(repeating: .null, count: slot - values.count + 1)) }
            values[slot] = newValue
        }
    }
}

/// The state of one evaluation: the activation's values, the comprehension variables and
/// the cost spent so far.
struct Frame {
    let variables: [Value]
    var locals: [Value]
    var budget: EvaluationBudget

    init(_ activation: Activation, localCount: Int, budget: EvaluationBudget = EvaluationBudget()) {
        variables = activation.values
        locals = localCount == 0 ? [] : Array(repeating: .null, count: localCount)
        self.budget = budget
    }
}
