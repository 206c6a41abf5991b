/// The values of an expression's variables, by the slots `Environment.declare` returned.
/// Build one per dossier (or per `for_each` element) and evaluate many programs on it.
public struct Activation: Sendable {
    var values: [Value]

    public init(slotCount: Int) { values = .nulls(slotCount) }

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
        locals = localCount == 0 ? [] : .nulls(localCount)
        self.budget = budget
    }
}

extension Array where Element == Value {
    /// `count` nulls. `Array(repeating:count:)` allocates through a generic entry point that looks
    /// the array's type up at run time (about 370 instructions a call); every rule on every
    /// dossier makes an activation, and every evaluation with comprehensions a frame.
    static func nulls(_ count: Int) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(.null) }
        return values
    }
}
