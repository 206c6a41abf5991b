/// Walks a compiled tree as evaluation runs it — `&&`/`||` short-circuiting, only the taken
/// side of `?:`, each element a macro visits — and reports every boolean value each node
/// takes, for branch coverage (`rules test --coverage`). Like the explainer it re-evaluates
/// nodes one by one, so the fast path pays nothing.
struct ConditionWalker {
    var frame: Frame
    let record: (Int, Bool) -> Void

    @discardableResult
    mutating func visit(_ node: Node) -> Value {
        let value: Value
        switch node {
        case let logic as LogicNode:
            let left = visit(logic.lhs)
            if case .bool(let b) = left, b == !logic.isAnd {
                value = left
            } else {
                let right = visit(logic.rhs)
                if case .bool(let b) = right, b == !logic.isAnd { value = right } else { value = logic.undecided(left, right) }
            }
        case let conditional as ConditionalNode:
            if case .bool(let b) = visit(conditional.condition) { visit(b ? conditional.then : conditional.otherwise) }
            value = conditional.eval(&frame)
        case let comprehension as ComprehensionNode:
            visitIterations(comprehension)
            value = comprehension.eval(&frame)
        case is ConstNode:
            return node.eval(&frame)
        default:
            for child in node.children { visit(child) }
            value = node.eval(&frame)
        }
        if case .bool(let b) = value { record(node.id, b) }
        return value
    }

    /// The iterations a macro runs: `exists` stops at the first true element, `all` at the
    /// first false; a filter's predicate decides whether a `map` transforms an element.
    private mutating func visitIterations(_ node: ComprehensionNode) {
        guard case .success(let items) = node.elements(of: visit(node.range)) else { return }
        for item in items {
            frame.locals[node.local] = item
            if let filter = node.filter {
                guard case .bool(true) = visit(filter) else { continue }
            }
            switch (node.kind, visit(node.body)) {
            case (.exists, .bool(true)), (.all, .bool(false)): return
            default: continue
            }
        }
    }
}

extension Program {
    /// Every node of the compiled tree that gives a boolean, by the checker's types: the
    /// conditions whose true and false outcomes branch coverage counts (constants excluded).
    public var conditionIDs: [Int] {
        var found: [Int] = []
        var stack = [root]
        while let node = stack.popLast() {
            if !(node is ConstNode), type(ofExpr: node.id) == .bool { found.append(node.id) }
            stack += node.children.reversed()
        }
        return found
    }

    /// Evaluates on `activation` and calls `record(id, value)` for each boolean value a
    /// node takes, in evaluation order, as often as it is evaluated.
    public func recordConditions(_ activation: Activation, _ record: (Int, Bool) -> Void) {
        var budget = EvaluationBudget()
        withoutActuallyEscaping(record) { record in
            Frame.with(activation, localCount: localCount, budget: &budget) { frame in
                var walker = ConditionWalker(frame: frame, record: record)
                walker.visit(root)
            }
        }
    }
}
