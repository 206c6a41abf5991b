/// Function calls, bound at check time to the overloads that fit the argument types.
/// With one overload the implementation is called directly; with several (because some
/// argument is `dyn`) the first whose parameters accept the run-time values is called.
struct Dispatch: Sendable {
    let function: String
    let overloads: [FunctionOverload]

    /// The first overload whose parameters accept the run-time values, called in place: not
    /// copied out of the array (a copy retains its type tables, shared by every thread) and
    /// its parameter list not built (an allocation per overload per call).
    func call(_ values: [Value]) -> Value {
        if overloads.count == 1 { return overloads[0].call(values) }
        for index in overloads.indices where overloads[index].accepts(values) {
            return overloads[index].call(values)
        }
        return .error(.noOverload(function, values))
    }

    /// `call([a])`, without the array (most calls with several overloads have one or two
    /// arguments, of type `dyn`).
    func call(_ a: Value) -> Value {
        if overloads.count == 1 { return overloads[0].call(a) }
        for index in overloads.indices where overloads[index].accepts(a) {
            return overloads[index].call(a)
        }
        return .error(.noOverload(function, [a]))
    }

    /// `call([a, b])`, without the array.
    func call(_ a: Value, _ b: Value) -> Value {
        if overloads.count == 1 { return overloads[0].call(a, b) }
        for index in overloads.indices where overloads[index].accepts(a, b) {
            return overloads[index].call(a, b)
        }
        return .error(.noOverload(function, [a, b]))
    }
}

/// A call with one argument (or a receiver and none).
final class UnaryCallNode: Node, @unchecked Sendable {
    let argument: Node
    let dispatch: Dispatch
    /// The one overload's implementation, when there is one (`hasDirect`). Not optional: a
    /// closure bound out of an optional is copied, its context retained and released per call.
    let direct: @Sendable (Value) -> Value
    let hasDirect: Bool
    /// Where the argument is held, when it is read in place (`HeldOperand`).
    private let heldArgument: HeldOperand?
    init(id: Int, _ argument: Node, _ dispatch: Dispatch) {
        self.argument = argument
        self.dispatch = dispatch
        heldArgument = HeldOperand(argument)
        if dispatch.overloads.count == 1, case .unary(let f) = dispatch.overloads[0].implementation {
            (direct, hasDirect) = (f, true)
        } else {
            (direct, hasDirect) = ({ _ in .null }, false)
        }
        super.init(id: id)
    }
    override var children: [Node] { [argument] }
    override func eval(_ frame: inout Frame) -> Value {
        if let held = heldArgument?.value(in: frame) {
            return paid(call(held.pointee), arguments: held.pointee.costWeight, &frame)
        }
        let value = argument.eval(&frame)
        return paid(call(value), arguments: value.costWeight, &frame)
    }
    override func combine(_ values: [Value]) -> Value? { call(values[0]) }

    @inline(__always)
    func call(_ value: Value) -> Value {
        if value.isError { return value }
        if hasDirect { return located(direct(value)) }
        return located(dispatch.call(value))
    }
}

/// A call with two arguments (or a receiver and one): every binary operator.
final class BinaryCallNode: StrictPairNode, @unchecked Sendable {
    let dispatch: Dispatch
    /// The one overload's implementation, when there is one (see `UnaryCallNode.direct`).
    let direct: @Sendable (Value, Value) -> Value
    let hasDirect: Bool
    init(id: Int, _ lhs: Node, _ rhs: Node, _ dispatch: Dispatch, comparison: ComparisonText? = nil) {
        self.dispatch = dispatch
        if dispatch.overloads.count == 1, case .binary(let f) = dispatch.overloads[0].implementation {
            (direct, hasDirect) = (f, true)
        } else {
            (direct, hasDirect) = ({ _, _ in .null }, false)
        }
        super.init(id: id, lhs, rhs, comparison: comparison)
    }
    override func apply(_ a: Value, _ b: Value) -> Value {
        if hasDirect { return located(direct(a, b)) }
        return located(dispatch.call(a, b))
    }
}

/// Any other call.
final class CallNode: StrictOperandsNode, @unchecked Sendable {
    let dispatch: Dispatch
    init(id: Int, _ arguments: [Node], _ dispatch: Dispatch) {
        self.dispatch = dispatch
        super.init(id: id, arguments)
    }
    override func apply(_ values: [Value]) -> Value { located(dispatch.call(values)) }
}
