/// The values of an expression's variables, by the slots `Environment.declare` returned.
/// Build one per dossier (or per `for_each` element) and evaluate many programs on it.
public struct Activation: Sendable {
    @usableFromInline var values: [Value]

    public init(slotCount: Int) { values = .nulls(slotCount) }

    /// Inlined into the rule runner, which writes a slot for every `for_each` element and `let`.
    @inlinable
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
///
/// Nothing of it is copied or allocated: the values are the activation's own, borrowed for
/// the evaluation; the comprehension variables sit in a temporary allocation (on the stack
/// for any expression a rule writes); the budget is the caller's, written in place. A rule
/// evaluates about 150 programs a dossier, and copying the activation's array, allocating
/// the locals and copying the budget in and out were a fifth of what evaluating them cost.
/// A frame lives only inside `Frame.with` (or `Frame.evaluate`), which keeps all three alive
/// and unchanged by anything else until it returns.
struct Frame {
    let variables: UnsafeBufferPointer<Value>
    let locals: UnsafeMutableBufferPointer<Value>
    private let budgetPointer: UnsafeMutablePointer<EvaluationBudget>

    /// The budget of the evaluation, read and spent in place.
    var budget: EvaluationBudget {
        unsafeAddress { UnsafePointer(budgetPointer) }
        nonmutating unsafeMutableAddress { budgetPointer }
    }

    private init(
        variables: UnsafeBufferPointer<Value>, locals: UnsafeMutableBufferPointer<Value>,
        budget: UnsafeMutablePointer<EvaluationBudget>
    ) {
        self.variables = variables
        self.locals = locals
        budgetPointer = budget
    }

    /// `root`'s value on a frame over `activation`'s values. `root` goes to `with` as its
    /// context, not captured by the closure: captured, it was retained and released on every
    /// evaluation (about 5,000 instructions a dossier, measured).
    static func evaluate(
        _ root: Node, on activation: Activation, localCount: Int, budget: inout EvaluationBudget
    ) -> Value {
        with(activation, localCount: localCount, budget: &budget, context: root) { root, frame in root.eval(&frame) }
    }

    /// Runs `body` on a frame over `activation`'s values with `localCount` null locals,
    /// spending from `budget`.
    @inline(__always)
    static func with<R>(
        _ activation: Activation, localCount: Int, budget: inout EvaluationBudget, _ body: (inout Frame) -> R
    ) -> R {
        with(activation, localCount: localCount, budget: &budget, context: ()) { _, frame in body(&frame) }
    }

    /// The same, handing `context` to `body` as a parameter.
    @inline(__always)
    static func with<Context, R>(
        _ activation: Activation, localCount: Int, budget: inout EvaluationBudget, context: Context,
        _ body: (Context, inout Frame) -> R
    ) -> R {
        activation.values.withUnsafeBufferPointer { variables in
            withUnsafeTemporaryAllocation(of: Value.self, capacity: localCount) { locals in
                // Most programs have no comprehension: no locals to set or destroy (destroying
                // even none is a runtime call, `swift_arrayDestroy`).
                if localCount > 0 { locals.initialize(repeating: .null) }
                defer { if localCount > 0 { _ = locals.deinitialize() } }
                return withUnsafeMutablePointer(to: &budget) { budget in
                    var frame = Frame(variables: variables, locals: locals, budget: budget)
                    return body(context, &frame)
                }
            }
        }
    }
}

extension Array where Element == Value {
    /// `count` nulls. `Array(repeating:count:)` allocates through a generic entry point that looks
    /// the array's type up at run time (about 370 instructions a call); every activation (one a
    /// dossier when screening) starts with one.
    static func nulls(_ count: Int) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(.null) }
        return values
    }
}
