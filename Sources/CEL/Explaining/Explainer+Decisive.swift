/// The explainer for a finding's evidence (no sub-expressions recorded): only the decisive
/// part records anything, so a part that is not decisive is evaluated, never walked, and a
/// node's value comes from its children's, computed once on the way up.
///
/// It records exactly what the walk of `visit` records with sub-expressions off (the same
/// reads and comparisons, in the same order), at a fraction of the evaluations: `visit`
/// evaluates every node once for itself and once more for each of its ancestors.
extension Explainer {
    @discardableResult
    mutating func visitDecisive(_ node: Node, decisive: Bool) -> Value {
        guard decisive else { return node.eval(&frame) }
        switch node {
        case let logic as LogicNode:
            return decisiveLogic(logic)
        case let conditional as ConditionalNode:
            guard case .bool(let b) = visitDecisive(conditional.condition, decisive: true) else {
                return conditional.eval(&frame)
            }
            return visitDecisive(b ? conditional.then : conditional.otherwise, decisive: true)
        case let comprehension as ComprehensionNode:
            return decisiveComprehension(comprehension)
        case let field as FieldNode:
            let operand = visitDecisive(field.operand, decisive: true)
            let value = field.read(operand)
            record(field, operand, value)
            return value
        case let pair as StrictPairNode:
            return decisivePair(pair)
        // The nodes of one operand walked without `children`, an array per visit.
        case let select as SelectNode:
            return SelectNode.select(visitDecisive(select.operand, decisive: true), select.name, select, asciiName: select.asciiName)
        case let has as HasNode:
            return has.test(visitDecisive(has.operand, decisive: true))
        case let call as UnaryCallNode:
            return call.call(visitDecisive(call.argument, decisive: true))
        default:
            let children = node.children
            if children.isEmpty { return node.eval(&frame) }
            var values: [Value] = []
            values.reserveCapacity(children.count)
            for child in children { values.append(visitDecisive(child, decisive: true)) }
            return node.combine(values) ?? node.eval(&frame)
        }
    }

    /// Both operands, then the comparison (`==`, `!=`, `in`, `<`, …) they make, if any: the
    /// only nodes that record one.
    private mutating func decisivePair(_ pair: StrictPairNode) -> Value {
        let left = visitDecisive(pair.lhs, decisive: true)
        let right = visitDecisive(pair.rhs, decisive: true)
        let value = pair.combine(left, right)
        recordComparison(pair, left, right, value)
        return value
    }

    /// The side holding the deciding value (false for &&, true for ||) is the decisive one,
    /// the left first; when neither holds it, both are.
    private mutating func decisiveLogic(_ logic: LogicNode) -> Value {
        let deciding = !logic.isAnd
        let mark = (reads: reads.count, comparisons: comparisons.count)
        let left = visitDecisive(logic.lhs, decisive: true)
        if case .bool(let b) = left, b == deciding { return left }
        let right = logic.rhs.eval(&frame)
        if case .bool(let b) = right, b == deciding {
            // Only the right side decides: what the left recorded is not evidence.
            reads.removeSubrange(mark.reads...)
            comparisons.removeSubrange(mark.comparisons...)
            return visitDecisive(logic.rhs, decisive: true)
        }
        visitDecisive(logic.rhs, decisive: true)
        return logic.undecided(left, right)
    }

    /// `exists` → true and `all` → false are decided by one iteration; otherwise by all.
    private mutating func decisiveComprehension(_ node: ComprehensionNode) -> Value {
        let range = visitDecisive(node.range, decisive: true)
        let items: ListValue
        let value: Value
        switch node.elements(of: range) {
        case .success(let list):
            items = list
            value = node.run(list, &frame)
        case .failure(let error):
            items = ListValue([])
            value = .error(error)
        }
        replayIterations(of: node, over: items, value: value) { explainer in
            if let filter = node.filter { _ = explainer.visitDecisive(filter, decisive: true) }
            _ = explainer.visitDecisive(node.body, decisive: true)
        }
        return value
    }
}
