extension ComprehensionNode {
    /// `l.filter(x, p).map(y, e)` in one pass over `l`, with the value and the error of the
    /// two passes: the filter's first failing predicate wins over any failure of the map
    /// (the filter would have failed before the map ran), else the map's first failure.
    /// The explainers still walk the two comprehensions apart (`range` is the filter).
    func fusedMap(_ source: ComprehensionNode, _ frame: inout Frame) -> Value {
        let items: ListValue
        switch source.elements(&frame) {
        case .success(let values): items = values
        case .failure(let e): return .error(e)
        }
        var out: [Value] = []
        var mapFailure: Value?
        for item in items {
            guard frame.budget.spend(steps: 1, at: id) else { return overBudget(frame) }
            frame.locals[source.local] = item
            switch source.body.eval(&frame) {
            case .bool(false): continue
            case .bool(true): break
            case .error(let e): return .error(e)
            case let other: return source.notBool(other)
            }
            guard mapFailure == nil else { continue }
            frame.locals[local] = item
            let value = body.eval(&frame)
            if value.isError { mapFailure = value } else { out.append(value) }
        }
        if let mapFailure { return mapFailure }
        return paid(.list(ListValue(movingItemsOf: &out, from: 0)), arguments: 0, &frame)
    }
}
