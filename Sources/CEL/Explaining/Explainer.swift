/// Walks a compiled tree re-evaluating each node with the fast path and records values,
/// decisive comparisons and decisive object-field reads. Kept apart from `Node.eval` so the
/// fast path pays nothing for explanations.
struct Explainer {
    let info: SourceInfo
    /// Whether to record every sub-expression (`eval --explain`); evidence needs only the
    /// reads and comparisons, and the text and range of every node visited cost more than
    /// the visit itself.
    let recordsSubexpressions: Bool
    /// Whether to record decisive comparisons (a finding's `let`s need only the reads).
    let recordsComparisons: Bool
    var frame: Frame
    var reads: [Explanation.Read] = []
    var comparisons: [String] = []
    /// Where a comparison's text is written before it is made a string (`ComparisonText`).
    private var scratch: [UInt8] = []
    var subexpressions: [Explanation.Subexpression] = []
    /// The paths of reads left out by `maxReads`, each counted once. The paths kept are those
    /// of `reads`, searched in place: a finding reads a handful of fields, and hashing each
    /// path into a set cost more than comparing it with them.
    var omittedPaths: Set<String> = []
    private var seenNodes: Set<Int> = []
    /// What the caps below left out.
    var omittedReads = 0
    var omittedComparisons = 0
    var omittedSubexpressions = 0

    /// Caps that keep an explanation short and its cost linear in the rule's size: a finding
    /// over a long list would otherwise list every element read and every comparison made.
    static let maxReads = 50
    static let maxComparisons = 20
    static let maxSubexpressions = 200
    /// The longest value text shown in a comparison.
    static let maxValueText = 200

    init(info: SourceInfo, frame: Frame, recordsSubexpressions: Bool = true, recordsComparisons: Bool = true) {
        self.info = info
        self.frame = frame
        self.recordsSubexpressions = recordsSubexpressions
        self.recordsComparisons = recordsComparisons
    }

    @discardableResult
    mutating func visit(_ node: Node, decisive: Bool) -> Value {
        if !recordsSubexpressions { return visitDecisive(node, decisive: decisive) }
        let value = node.eval(&frame)
        if recordsSubexpressions, !(node is ConstNode), !seenNodes.contains(node.id), let range = info.range(of: node.id) {
            seenNodes.insert(node.id)
            if subexpressions.count < Self.maxSubexpressions {
                subexpressions.append(.init(text: info.text(of: node.id), value: value, range: range))
            } else {
                omittedSubexpressions += 1
            }
        }
        switch node {
        case let logic as LogicNode:
            visitLogic(logic, value, decisive: decisive)
        case let conditional as ConditionalNode:
            let condition = visit(conditional.condition, decisive: decisive)
            if case .bool(let b) = condition {
                visit(b ? conditional.then : conditional.otherwise, decisive: decisive)
            }
        case let comprehension as ComprehensionNode:
            visitComprehension(comprehension, value, decisive: decisive)
        case let field as FieldNode:
            let operand = visit(field.operand, decisive: decisive)
            if decisive { record(field, operand, value) }
        default:
            let nodes = node.children
            let children = nodes.map { visit($0, decisive: decisive) }
            if decisive, children.count == 2 {
                recordComparison(node, children[0], children[1], value)
            }
        }
        return value
    }

    /// Records a decisive read of an object's scalar field, once per path.
    mutating func record(_ field: FieldNode, _ operand: Value, _ value: Value) {
        guard case .object(let object) = operand, value.isScalar, let origin = object.readOrigin(ofField: field.slot),
            !reads.contains(where: { $0.origin.path == origin.path }), !omittedPaths.contains(origin.path)
        else { return }
        if reads.count < Self.maxReads {
            // Room for a finding's handful at once, not grown one read at a time.
            if reads.isEmpty { reads.reserveCapacity(8) }
            reads.append(.init(origin: origin, value: value))
        } else {
            omittedPaths.insert(origin.path)
            omittedReads += 1
        }
    }

    /// Notes `node`'s comparison of its two operands, when it is one and comparisons are kept
    /// (up to `maxComparisons`, then only counted).
    mutating func recordComparison(_ node: Node, _ left: Value, _ right: Value, _ value: Value) {
        guard recordsComparisons, let pair = node as? StrictPairNode else { return }
        recordComparison(pair, left, right, value)
    }

    /// The same for a pair node, whose `comparison` says whether it is one.
    mutating func recordComparison(_ pair: StrictPairNode, _ left: Value, _ right: Value, _ value: Value) {
        guard recordsComparisons, let comparison = pair.comparison else { return }
        if comparisons.count < Self.maxComparisons {
            if comparisons.isEmpty { comparisons.reserveCapacity(4) }
            comparisons.append(comparison.text(left, right, value, scratch: &scratch))
        } else {
            omittedComparisons += 1
        }
    }

    /// `text`, cut to `maxValueText` characters with `…`.
    static func shortened(_ text: String) -> String {
        // No text has more characters than UTF-8 bytes: most are short enough without counting.
        text.utf8.count <= maxValueText || text.count <= maxValueText ? text : String(text.prefix(maxValueText)) + "…"
    }

    mutating func visitLogic(_ logic: LogicNode, _ value: Value, decisive: Bool) {
        let left = logic.lhs.eval(&frame)
        let deciding: Value = .bool(!logic.isAnd)
        let leftDecides = Value.equal(left, deciding) && !left.isError
        if case .bool(let result) = value, result == !logic.isAnd {
            // The deciding value (false for &&, true for ||): the first side that has it.
            visit(logic.lhs, decisive: decisive && leftDecides)
            visit(logic.rhs, decisive: decisive && !leftDecides)
        } else {
            visit(logic.lhs, decisive: decisive)
            visit(logic.rhs, decisive: decisive)
        }
    }

    mutating func visitComprehension(_ node: ComprehensionNode, _ value: Value, decisive: Bool) {
        let range = visit(node.range, decisive: decisive)
        let items: ListValue =
            switch range {
            case .list(let list): list
            case .map(let map): ListValue(map.keys)
            default: ListValue([])
            }
        replayIterations(of: node, over: items, value: value) { explainer in
            if let filter = node.filter { explainer.visit(filter, decisive: decisive) }
            explainer.visit(node.body, decisive: decisive)
        }
    }

    /// Replays the iterations that decided a comprehension's `value` — the one deciding
    /// iteration of an `exists` that held or an `all` that failed, else every one — calling
    /// `record` on each with its element bound.
    mutating func replayIterations(
        of node: ComprehensionNode, over items: ListValue, value: Value, record: (inout Explainer) -> Void
    ) {
        let decidedBy: Bool? =
            switch (node.kind, value) {
            case (.exists, .bool(true)): true
            case (.all, .bool(false)): false
            default: nil
            }
        for item in items {
            // Replaying costs steps too, so nested loops cannot make an explanation endless.
            guard frame.budget.spend(steps: 1, at: node.id) else { return }
            frame.locals[node.local] = item
            if let decidedBy {
                guard case .bool(let b) = node.body.eval(&frame), b == decidedBy else { continue }
                return record(&self)
            }
            record(&self)
        }
    }
}
