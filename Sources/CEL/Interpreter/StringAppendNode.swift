/// `x + y` of two strings where `x` is built by the evaluation (another `+`, a call), not read
/// where it is held (`HeldOperand`): `x` is then the only reference to its text, so `y` is
/// appended to it in place. A key such as `'name:' + name_key(f.name) + '/' + string(y)`
/// allocates one string instead of one per `+` (the standard `+` copies its left side into a
/// new string, sized exactly, every time). Otherwise it is `BinaryCallNode` of `add_string`:
/// the same operands in the same order, the same errors and the same cost paid.
final class StringAppendNode: Node, @unchecked Sendable {
    let lhs: Node
    let rhs: Node
    /// `add_string`, for values that are not both strings (none, once checked) and `combine`.
    private let plus: @Sendable (Value, Value) -> Value
    /// Where the right operand is held, when it is read in place (`HeldOperand`).
    private let heldRHS: HeldOperand?

    /// Nil unless `dispatch` is `add_string` alone and `lhs` is evaluated, not held.
    init?(id: Int, _ lhs: Node, _ rhs: Node, _ dispatch: Dispatch) {
        guard dispatch.function == "_+_", dispatch.overloads.count == 1, dispatch.overloads[0].id == "add_string",
            case .binary(let plus) = dispatch.overloads[0].implementation, HeldOperand(lhs) == nil
        else { return nil }
        self.lhs = lhs
        self.rhs = rhs
        self.plus = plus
        heldRHS = HeldOperand(rhs)
        super.init(id: id)
    }

    override var children: [Node] { [lhs, rhs] }

    override func eval(_ frame: inout Frame) -> Value {
        var a = lhs.eval(&frame)
        if a.isError { return a }
        if let b = heldRHS?.value(in: frame) {
            if b.pointee.isError { return b.pointee }
            return appending(&a, b.pointee, &frame)
        }
        let b = rhs.eval(&frame)
        if b.isError { return b }
        return appending(&a, b, &frame)
    }

    override func combine(_ values: [Value]) -> Value? {
        if values[0].isError { return values[0] }
        if values[1].isError { return values[1] }
        return located(plus(values[0], values[1]))
    }

    /// `a + b`, paid for as `BinaryCallNode` pays (the operands' weight before the append).
    @inline(__always)
    private func appending(_ a: inout Value, _ b: Value, _ frame: inout Frame) -> Value {
        let weight = a.costWeight &+ b.costWeight
        guard case .string(var text) = a, case .string(let tail) = b else {
            return paid(located(plus(a, b)), arguments: weight, &frame)
        }
        a = .null  // `text` now holds the only reference to a string `lhs` built
        text.append(tail)
        return paid(.string(text), arguments: weight, &frame)
    }
}
