/// Expands CEL's macros at parse time: `has(e.f)` into a test-only selection, and the
/// receiver macros `all`, `exists`, `exists_one`, `map`, `filter` into `Comprehension` nodes.
extension Parser {
    mutating func expandGlobalMacro(
        _ name: String, _ arguments: [Expr], _ whole: Range<Int>, _ nameRange: Range<Int>
    ) throws(SyntaxError) -> Expr? {
        guard name == "has" else { return nil }
        guard arguments.count == 1, case .select(let operand, let field, false) = arguments[0].kind else {
            throw SyntaxError("has() requires a single field selection argument, such as has(d.date)", whole)
        }
        let anchor = info.anchor(of: arguments[0].id) ?? nameRange
        return try node(.select(operand: operand, field: field, testOnly: true), whole, anchor: anchor)
    }

    mutating func expandReceiverMacro(
        _ name: String, target: Expr, _ arguments: [Expr], _ whole: Range<Int>, _ nameRange: Range<Int>
    ) throws(SyntaxError) -> Expr? {
        let kind: Comprehension.Kind
        switch (name, arguments.count) {
        case ("all", 2): kind = .all
        case ("exists", 2): kind = .exists
        case ("exists_one", 2): kind = .existsOne
        case ("filter", 2): kind = .filter
        case ("map", 2), ("map", 3): kind = .map
        case ("all", _), ("exists", _), ("exists_one", _), ("filter", _):
            throw SyntaxError("\(name)() takes a variable name and a predicate: \(name)(x, predicate)", nameRange)
        case ("map", _):
            throw SyntaxError("map() takes a variable name and a transform: map(x, transform)", nameRange)
        default:
            return nil
        }
        guard case .identifier(let variable) = arguments[0].kind else {
            let range = info.range(of: arguments[0].id) ?? nameRange
            throw SyntaxError("the first argument of \(name)() must be a simple variable name", range)
        }
        let comprehension = Comprehension(
            kind: kind, variable: variable, variableID: arguments[0].id, range: target,
            body: arguments[arguments.count - 1], filter: arguments.count == 3 ? arguments[1] : nil)
        return try node(.comprehension(comprehension), whole, anchor: nameRange)
    }
}
