/// Turns a checked AST into the node tree the interpreter runs, once per compile.
struct Planner {
    let references: [Int: Reference]
    /// The expression's text, from which comparisons take the fixed parts of their evidence.
    let info: SourceInfo

    func plan(_ expr: Expr) -> Node {
        let id = expr.id
        switch expr.kind {
        case .literal(let literal): return ConstNode(id: id, Value(literal))
        case .identifier(let name):
            switch references[id] {
            case .global(let slot): return GlobalNode(id: id, slot: slot)
            case .local(let index): return LocalNode(id: id, index: index)
            case .typeName(let type): return ConstNode(id: id, .type(type))
            default: return ConstNode(id: id, .error(EvalError(.evalUnchecked, "undeclared reference to '\(name)'", exprID: id)))
            }
        case .select(let operand, let field, let testOnly):
            let slot: Int? = if case .field(let s) = references[id] { s } else { nil }
            if testOnly { return HasNode(id: id, plan(operand), name: field, slot: slot) }
            if let slot { return FieldNode(id: id, plan(operand), slot: slot, name: field) }
            return SelectNode(id: id, plan(operand), name: field)
        case .call(let function, let target, let arguments):
            return call(id, function, target, arguments)
        case .list(let elements):
            let planned = elements.map(plan)
            // A list of constants is built once, not on every evaluation.
            let constants = planned.compactMap { ($0 as? ConstNode)?.value }
            if constants.count == planned.count { return ConstNode(id: id, .list(ListValue(constants))) }
            return ListNode(id: id, planned)
        case .map(let entries):
            return MapNode(id: id, keys: entries.map { plan($0.key) }, values: entries.map { plan($0.value) })
        case .comprehension(let c):
            let local: Int = if case .comprehension(let l) = references[id] { l } else { 0 }
            return ComprehensionNode(
                id: id, kind: c.kind, local: local, range: plan(c.range), body: plan(c.body),
                filter: c.filter.map(plan))
        }
    }

    func call(_ id: Int, _ function: String, _ target: Expr?, _ arguments: [Expr]) -> Node {
        let nodes = (target.map { [plan($0)] } ?? []) + arguments.map(plan)
        if target == nil {
            switch (function, nodes.count) {
            case ("_&&_", 2): return LogicNode(id: id, nodes[0], nodes[1], isAnd: true)
            case ("_||_", 2): return LogicNode(id: id, nodes[0], nodes[1], isAnd: false)
            case ("_?_:_", 3): return ConditionalNode(id: id, nodes[0], nodes[1], nodes[2])
            case ("_==_", 2), ("_!=_", 2):
                return EqualityNode(id: id, nodes[0], nodes[1], negated: function == "_!=_", comparison: comparison(function, nodes))
            case ("@in", 2): return InNode(id: id, nodes[0], nodes[1], comparison: comparison(function, nodes))
            case ("_[_]", 2): return IndexNode(id: id, nodes[0], nodes[1])
            default: break
            }
        }
        if function == "size", nodes.count == 1, let filter = nodes[0] as? ComprehensionNode, filter.kind == .filter {
            return ComprehensionNode(
                id: id, kind: .filter, local: filter.local, range: filter.range, body: filter.body, filter: nil,
                counts: true)
        }
        guard case .overloads(let overloads) = references[id] else {
            return ConstNode(id: id, .error(EvalError(.evalUnchecked, "no matching overload for '\(function)'", exprID: id)))
        }
        // A constant `matches` pattern is compiled once here, not on every evaluation.
        let specialized = function == "matches" && nodes.count == 2
            ? (nodes[1] as? ConstNode).flatMap { Strings.precompiledMatches(overloads, pattern: $0.value) } : nil
        let dispatch = Dispatch(function: function, overloads: specialized ?? overloads)
        switch nodes.count {
        case 1: return UnaryCallNode(id: id, nodes[0], dispatch)
        case 2:
            if let append = StringAppendNode(id: id, nodes[0], nodes[1], dispatch) { return append }
            return BinaryCallNode(id: id, nodes[0], nodes[1], dispatch, comparison: comparison(function, nodes))
        default: return CallNode(id: id, nodes, dispatch)
        }
    }

    /// The evidence text of `function(nodes[0], nodes[1])` when it is a comparison.
    private func comparison(_ function: String, _ nodes: [Node]) -> ComparisonText? {
        ComparisonText(function, nodes[0], nodes[1], info: info)
    }
}

extension Value {
    /// The value of a literal.
    init(_ literal: Literal) {
        switch literal {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .string(let s): self = .string(s)
        }
    }
}
