/// The compiled form of an expression: a tree of nodes with variables, fields and overloads
/// already resolved by the checker. Evaluating walks the tree; nothing is looked up by name
/// except keys of maps and fields of `dyn` values.
class Node: @unchecked Sendable {
    let id: Int
    init(id: Int) { self.id = id }
    func eval(_ frame: inout Frame) -> Value { .null }
    /// Children in source order, for explanations.
    var children: [Node] { [] }

    /// The value from the values of `children` (in order), for a node that evaluates every
    /// child strictly; nil when the node must be evaluated itself. Lets an explanation that
    /// has visited the children compute the node without evaluating them again.
    func combine(_ values: [Value]) -> Value? { nil }

    /// Tags an error raised here (not one passed up from a child) with this node's id.
    @inline(__always)
    final func located(_ value: Value) -> Value {
        if case .error(var e) = value, e.exprID == nil {
            e.exprID = id
            return .error(e)
        }
        return value
    }

    final func fail(_ code: CELCode, _ message: String) -> Value { .error(EvalError(code, message, exprID: id)) }

    /// `result`, once the call that built it from `arguments` is paid for: a step, the
    /// arguments' weight and the bytes of the result; the cost error when over the budget.
    @inline(__always)
    final func paid(_ result: Value, arguments weight: Int, _ frame: inout Frame) -> Value {
        guard frame.budget.spend(steps: 1 &+ weight, at: id), frame.budget.spend(bytes: result.builtBytes, at: id)
        else { return .error(frame.budget.exceeded ?? EvalError(.evalCostLimit, "cost limit", exprID: id)) }
        return result
    }
}

final class ConstNode: Node, @unchecked Sendable {
    let value: Value
    /// The same value in an allocation of its own, which a parent reads in place
    /// (`HeldOperand`): a stored property has no address to lend.
    let held: UnsafePointer<Value>
    init(id: Int, _ value: Value) {
        self.value = value
        let storage = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        storage.initialize(to: value)
        held = UnsafePointer(storage)
        super.init(id: id)
    }
    deinit {
        let storage = UnsafeMutablePointer(mutating: held)
        storage.deinitialize(count: 1)
        storage.deallocate()
    }
    override func eval(_ frame: inout Frame) -> Value { value }
}

final class GlobalNode: Node, @unchecked Sendable {
    let slot: Int
    init(id: Int, slot: Int) {
        self.slot = slot
        super.init(id: id)
    }
    override func eval(_ frame: inout Frame) -> Value {
        slot < frame.variables.count ? frame.variables[slot] : .null
    }
}

final class LocalNode: Node, @unchecked Sendable {
    let index: Int
    init(id: Int, index: Int) {
        self.index = index
        super.init(id: id)
    }
    override func eval(_ frame: inout Frame) -> Value { frame.locals[index] }
}

/// `a && b` and `a || b` with CEL's commutative error absorption: the deciding value
/// (false for &&, true for ||) wins over an error on either side.
final class LogicNode: Node, @unchecked Sendable {
    let lhs: Node
    let rhs: Node
    let isAnd: Bool
    init(id: Int, _ lhs: Node, _ rhs: Node, isAnd: Bool) {
        self.lhs = lhs
        self.rhs = rhs
        self.isAnd = isAnd
        super.init(id: id)
    }
    override var children: [Node] { [lhs, rhs] }
    override func eval(_ frame: inout Frame) -> Value {
        let decisive = !isAnd
        let left = lhs.eval(&frame)
        if case .bool(let b) = left, b == decisive { return left }
        let right = rhs.eval(&frame)
        if case .bool(let b) = right, b == decisive { return right }
        // Both sides hold the other value: the common case, answered here.
        if case .bool = left, case .bool = right { return .bool(!decisive) }
        return undecided(left, right)
    }

    /// The result when neither side is the deciding value.
    func undecided(_ left: Value, _ right: Value) -> Value {
        let decisive = !isAnd
        if left.isError { return left }
        if right.isError { return right }
        guard case .bool = left, case .bool = right else {
            return fail(.evalType, "no such overload: \(isAnd ? "_&&_" : "_||_")(\(left.runtimeType.celName), \(right.runtimeType.celName))")
        }
        return .bool(!decisive)
    }
}

final class ConditionalNode: Node, @unchecked Sendable {
    let condition: Node
    let then: Node
    let otherwise: Node
    init(id: Int, _ condition: Node, _ then: Node, _ otherwise: Node) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        super.init(id: id)
    }
    override var children: [Node] { [condition, then, otherwise] }
    override func eval(_ frame: inout Frame) -> Value {
        switch condition.eval(&frame) {
        case .bool(true): return then.eval(&frame)
        case .bool(false): return otherwise.eval(&frame)
        case .error(let e): return .error(e)
        case let other: return fail(.evalType, "no such overload: _?_:_(\(other.runtimeType.celName), ...)")
        }
    }
}

/// A node of two operands evaluated left to right that fails with the first error: calls of
/// two arguments, `==`/`!=`, `in` and `[]`. Subclasses give `apply` for two non-error values.
class StrictPairNode: Node, @unchecked Sendable {
    let lhs: Node
    let rhs: Node
    /// Where each operand is held, when it is read in place (`HeldOperand`).
    private let heldLHS: HeldOperand?
    private let heldRHS: HeldOperand?
    /// The fixed parts of the evidence text of a comparison (`==`, `in`, `<`, …); nil for
    /// any other pair, which records none.
    let comparison: ComparisonText?
    /// Whether `apply(held:)` is worth its call when both operands are held: set by a node that
    /// needs only part of an operand (`InNode`'s constant strings); the others take copies.
    private let readsHeldOperands: Bool
    init(id: Int, _ lhs: Node, _ rhs: Node, comparison: ComparisonText? = nil, readsHeldOperands: Bool = false) {
        self.lhs = lhs
        self.rhs = rhs
        self.comparison = comparison
        self.readsHeldOperands = readsHeldOperands
        heldLHS = HeldOperand(lhs)
        heldRHS = HeldOperand(rhs)
        super.init(id: id)
    }
    final override var children: [Node] { [lhs, rhs] }
    final override func eval(_ frame: inout Frame) -> Value {
        guard let a = heldLHS?.value(in: frame) else { return eval(lhs.eval(&frame), &frame) }
        // The left operand is read where it is held and the right one evaluated after it in
        // this one function (evaluating it writes no variable in scope, `HeldOperand`): one
        // call less per pair. Swift still copies both operands before `apply`, an opaque call.
        if a.pointee.isError { return a.pointee }
        if let b = heldRHS?.value(in: frame) {
            if b.pointee.isError { return b.pointee }
            let value = readsHeldOperands ? apply(held: a, b) : apply(a.pointee, b.pointee)
            return paid(value, arguments: a.pointee.costWeight &+ b.pointee.costWeight, &frame)
        }
        let b = rhs.eval(&frame)
        if b.isError { return b }
        let value = apply(a.pointee, b)
        return paid(value, arguments: a.pointee.costWeight &+ b.costWeight, &frame)
    }

    /// The value once the left operand is `a`, evaluated here (not held), so this node owns it.
    @inline(__always)
    private func eval(_ a: consuming Value, _ frame: inout Frame) -> Value {
        if a.isError { return a }
        if let b = heldRHS?.value(in: frame) {
            if b.pointee.isError { return b.pointee }
            let weight = a.costWeight &+ b.pointee.costWeight
            return paid(apply(owning: consume a, b.pointee), arguments: weight, &frame)
        }
        let b = rhs.eval(&frame)
        if b.isError { return b }
        let weight = a.costWeight &+ b.costWeight
        return paid(apply(owning: consume a, b), arguments: weight, &frame)
    }
    final override func combine(_ values: [Value]) -> Value? { combine(values[0], values[1]) }

    /// `combine` of the two operands' values, without an array of them.
    final func combine(_ a: Value, _ b: Value) -> Value {
        if a.isError { return a }
        if b.isError { return b }
        return apply(a, b)
    }

    /// The value once neither operand is an error.
    func apply(_ a: Value, _ b: Value) -> Value { .null }

    /// `apply` of two operands read where they are held (`HeldOperand`), neither an error: a
    /// node that needs only part of one reads it there, not a copy of it (a retain and a
    /// release of a whole list).
    func apply(held a: UnsafePointer<Value>, _ b: UnsafePointer<Value>) -> Value { apply(a.pointee, b.pointee) }

    /// `apply` when the left operand was just evaluated and no one else holds it, so a node may
    /// build its value in that operand's storage (`StringAppendNode`).
    func apply(owning a: consuming Value, _ b: Value) -> Value { apply(a, b) }
}

/// A node of any number of operands evaluated in order that fails with the first error:
/// list literals and calls of three or more arguments.
class StrictOperandsNode: Node, @unchecked Sendable {
    let operands: [Node]
    init(id: Int, _ operands: [Node]) {
        self.operands = operands
        super.init(id: id)
    }
    final override var children: [Node] { operands }
    final override func eval(_ frame: inout Frame) -> Value {
        var values: [Value] = []
        values.reserveCapacity(operands.count)
        var weight = 0
        for operand in operands {
            let value = operand.eval(&frame)
            if value.isError { return value }
            weight &+= value.costWeight
            values.append(value)
        }
        return paid(apply(values), arguments: weight, &frame)
    }
    final override func combine(_ values: [Value]) -> Value? {
        if let error = values.first(where: \.isError) { return error }
        return apply(values)
    }

    /// The value once no operand is an error.
    func apply(_ values: [Value]) -> Value { .null }
}

/// `==` and `!=` with heterogeneous equality.
final class EqualityNode: StrictPairNode, @unchecked Sendable {
    let negated: Bool
    init(id: Int, _ lhs: Node, _ rhs: Node, negated: Bool, comparison: ComparisonText? = nil) {
        self.negated = negated
        super.init(id: id, lhs, rhs, comparison: comparison)
    }
    override func apply(_ a: Value, _ b: Value) -> Value { .bool(Value.equal(a, b) != negated) }
}

/// `x in list` and `key in map`.
final class InNode: StrictPairNode, @unchecked Sendable {
    /// The elements of a constant list of strings (`d.form in ['reprimand', 'warning']`), so a
    /// string is compared with each directly, not through a copy of each element and `equal`.
    private let constantStrings: [String]?

    init(id: Int, _ lhs: Node, _ rhs: Node, comparison: ComparisonText? = nil) {
        if case .list(let list)? = (rhs as? ConstNode)?.value {
            let strings = list.compactMap(\.stringValue)
            constantStrings = strings.count == list.count ? strings : nil
        } else {
            constantStrings = nil
        }
        super.init(id: id, lhs, rhs, comparison: comparison, readsHeldOperands: constantStrings != nil)
    }

    override func apply(held x: UnsafePointer<Value>, _ container: UnsafePointer<Value>) -> Value {
        if let constantStrings, case .string(let text) = x.pointee {
            return .bool(constantStrings.contains { Value.sameUTF8($0, text) })
        }
        return apply(x.pointee, container.pointee)
    }

    override func apply(_ x: Value, _ container: Value) -> Value {
        switch container {
        case .list(let list):
            // Only a string equals a string (`equal`): the same answer, element by element.
            if let constantStrings, case .string(let text) = x {
                return .bool(constantStrings.contains { Value.sameUTF8($0, text) })
            }
            return .bool(list.contains { Value.equal($0, x) })
        case .map(let map): return .bool(map.lookup(x) != nil)
        case let other: return fail(.evalType, "no such overload: @in(\(x.runtimeType.celName), \(other.runtimeType.celName))")
        }
    }
}
