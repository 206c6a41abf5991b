/// Where an operand's value is already held during an evaluation, so that the node using it
/// reads it in place instead of evaluating it: a constant, a variable, or a field of a
/// variable (`x.submitted`, `params.relatives`). Evaluating such an operand copies its value
/// out (a retain for a string, list or record) and the node drops the copy once used (a
/// release); pairs (`x.submitted <= as_of`, `r.relation in params.relatives`) and one-argument
/// calls (`size(L)`) are most of what rules evaluate.
///
/// The place is stable for as long as the node uses it: a frame's activation is not written
/// while a program runs, a comprehension variable is written only by its own comprehension
/// (each has a local of its own, and an operand in its scope is evaluated between its
/// iterations, never across one), a constant lives as long as the tree, and a record's
/// fields live as long as the record, which the variable holds.
struct HeldOperand {
    private enum Place {
        case constant(UnsafePointer<Value>)
        case variable(VariablePlace)
        case field(VariablePlace, slot: Int)
    }
    private let place: Place

    /// Nil for an operand that must be evaluated.
    init?(_ node: Node) {
        if let constant = node as? ConstNode {
            place = .constant(constant.held)
        } else if let variable = VariablePlace(node) {
            place = .variable(variable)
        } else if let field = node as? FieldNode, let variable = VariablePlace(field.operand) {
            place = .field(variable, slot: field.slot)
        } else {
            return nil
        }
    }

    /// The operand's value in place; nil when the node must be evaluated after all (a slot
    /// past the activation's end, a field of a value that is not a record), which gives the
    /// value or error evaluating it would.
    @inline(__always)
    func value(in frame: Frame) -> UnsafePointer<Value>? {
        switch place {
        case .constant(let value): return value
        case .variable(let variable): return variable.value(in: frame)
        case .field(let variable, let slot): return variable.field(slot, in: frame)
        }
    }
}
