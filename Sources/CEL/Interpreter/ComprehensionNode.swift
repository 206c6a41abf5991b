/// The macros `all`, `exists`, `exists_one`, `map`, `filter` over a list (elements) or a
/// map (keys). `all`/`exists` absorb errors like `&&`/`||`: a deciding element wins over an
/// error in another; the others propagate the first error.
final class ComprehensionNode: Node, @unchecked Sendable {
    let kind: Comprehension.Kind
    let local: Int
    let range: Node
    let body: Node
    let filter: Node?
    /// A `filter` that gives how many elements it keeps, not the list of them: the plan of
    /// `size(l.filter(x, p))`, so that counting a slate's candidates holds none of them.
    let counts: Bool
    /// The range of `l.filter(x, p).map(y, e)`: the map then runs the filter's predicate
    /// itself, element by element, and the filtered list is never built (see `fusedMap`).
    let fusedFilter: ComprehensionNode?
    init(id: Int, kind: Comprehension.Kind, local: Int, range: Node, body: Node, filter: Node?, counts: Bool = false) {
        self.kind = kind
        self.local = local
        self.range = range
        self.body = body
        self.filter = filter
        self.counts = counts
        if kind == .map, filter == nil, let source = range as? ComprehensionNode, source.kind == .filter,
            source.filter == nil, !source.counts
        {
            fusedFilter = source
        } else {
            fusedFilter = nil
        }
        super.init(id: id)
    }
    override var children: [Node] { [range] + (filter.map { [$0] } ?? []) + [body] }

    /// The elements iterated: a list's elements (read one at a time) or a map's keys.
    func elements(_ frame: inout Frame) -> Result<ListValue, EvalError> { elements(of: range.eval(&frame)) }

    /// The elements iterated, from the range's value.
    func elements(of range: Value) -> Result<ListValue, EvalError> {
        switch range {
        case .list(let list): .success(list)
        case .map(let map): .success(ListValue(map.keys))
        case .error(let e): .failure(e)
        case let other: .failure(EvalError(.evalType, "\(kind.rawValue)() cannot iterate over \(other.runtimeType.celName)", exprID: id))
        }
    }

    override func eval(_ frame: inout Frame) -> Value {
        if let fusedFilter { return fusedMap(fusedFilter, &frame) }
        let items: ListValue
        switch elements(&frame) {
        case .success(let values): items = values
        case .failure(let e): return .error(e)
        }
        return run(items, &frame)
    }

    /// The value over the elements iterated.
    func run(_ items: ListValue, _ frame: inout Frame) -> Value {
        switch kind {
        case .all, .exists: return quantify(items, &frame, decisive: kind == .exists)
        case .existsOne:
            var count = 0
            for index in items.indices {
                guard frame.budget.spend(steps: 1, at: id) else { return overBudget(frame) }
                frame.locals[local] = items[index]
                switch body.eval(&frame) {
                case .bool(let b): if b { count += 1 }
                case .error(let e): return .error(e)
                case let other: return notBool(other)
                }
            }
            return .bool(count == 1)
        case .map, .filter: return collect(items, &frame)
        }
    }

    func quantify(_ items: ListValue, _ frame: inout Frame, decisive: Bool) -> Value {
        var firstError: Value?
        for index in items.indices {
            guard frame.budget.spend(steps: 1, at: id) else { return overBudget(frame) }
            // Read into the variable: a loop variable assigned there was copied once more.
            frame.locals[local] = items[index]
            let value = body.eval(&frame)
            switch value {
            case .bool(let b): if b == decisive { return value }
            case .error: if firstError == nil { firstError = value }
            default: if firstError == nil { firstError = notBool(value) }
            }
        }
        return firstError ?? .bool(!decisive)
    }

    func collect(_ items: ListValue, _ frame: inout Frame) -> Value {
        var out: [Value] = []
        // A plain map keeps every element; a filter may keep few of a large (sourced) list.
        if kind == .map, filter == nil { out.reserveCapacity(items.count) }
        var kept = 0
        for index in items.indices {
            guard frame.budget.spend(steps: 1, at: id) else { return overBudget(frame) }
            frame.locals[local] = items[index]
            let keep = kind == .filter ? body : filter
            if let keep {
                switch keep.eval(&frame) {
                case .bool(false): continue
                case .bool(true): break
                case .error(let e): return .error(e)
                case let other: return notBool(other)
                }
            }
            if counts {
                kept += 1
            } else if kind == .filter {
                // Still the element: only this comprehension writes its variable.
                out.append(frame.locals[local])
            } else {
                let value = body.eval(&frame)
                if value.isError { return value }
                out.append(value)
            }
        }
        if counts { return .int(Int64(kept)) }
        // Moved into the list, not copied: no retain and release per element.
        return paid(.list(ListValue(movingItemsOf: &out, from: 0)), arguments: 0, &frame)
    }

    /// The cost error, once a step of the loop has passed the budget, located at this loop:
    /// as the loops unwind, the outermost one running is named as the part that cost.
    func overBudget(_ frame: Frame) -> Value {
        var error = frame.budget.exceeded ?? EvalError(.evalCostLimit, "cost limit")
        error.exprID = id
        return .error(error)
    }

    func notBool(_ value: Value) -> Value {
        fail(.evalType, "\(kind.rawValue)() predicate returned \(value.runtimeType.celName), not bool")
    }
}
