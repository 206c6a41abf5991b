/// `x + y` of two strings where `x` is built by the evaluation (another `+`, a call), not read
/// where it is held (`HeldOperand`): `x` is then the only reference to its text, so `y` is
/// appended to it in place (`StrictPairNode.apply(owning:_:)`). A key such as
/// `'name:' + name_key(f.name) + '/' + string(y)` allocates one string instead of one per `+`
/// (the standard `+` copies its left side into a new string, sized exactly, every time).
/// Otherwise it is `BinaryCallNode` of `add_string`: the same operands in the same order, the
/// same errors and the same cost paid, since `StrictPairNode` evaluates both.
final class StringAppendNode: StrictPairNode, @unchecked Sendable {
    /// `add_string`, for values that are not both strings (none, once checked) and `combine`.
    private let plus: @Sendable (Value, Value) -> Value

    /// Nil unless `dispatch` is `add_string` alone and `lhs` is evaluated, not held.
    init?(id: Int, _ lhs: Node, _ rhs: Node, _ dispatch: Dispatch) {
        guard dispatch.function == "_+_", dispatch.overloads.count == 1, dispatch.overloads[0].id == "add_string",
            case .binary(let plus) = dispatch.overloads[0].implementation, HeldOperand(lhs) == nil
        else { return nil }
        self.plus = plus
        super.init(id: id, lhs, rhs)
    }

    override func apply(_ a: Value, _ b: Value) -> Value { located(plus(a, b)) }

    override func apply(owning a: consuming Value, _ b: Value) -> Value {
        var a = a
        guard case .string(var text) = a, case .string(let tail) = b else { return apply(a, b) }
        a = .null  // `text` now holds the only reference to the string `lhs` built
        text.append(tail)
        return .string(text)
    }
}
