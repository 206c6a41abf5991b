import CEL
import Synchronization

/// Blocked pair iteration for slate rules with `pair_keys` (`docs/performance.md`): the two
/// `for_each` loops visit only the pairs (a, b) of two different candidates whose keys meet
/// (`PairKeyTable`), so findings do not change when the rule's `when` can hold only for such
/// pairs — which is what a rule author states by writing `pair_keys`. A slate of n
/// candidates then costs about n evaluations, not n². Large pair lists are split into parts that
/// the caller's `ParallelWork` may run side by side; findings keep the order of the double loop (a's position, then b's).
/// With an `outlet`, each part hands its findings over as part `1 + its index`, after the rule's own.
extension RuleRunner {
    /// Below this many pairs, threads cost more than they save.
    static let pairsPerThread = 256

    /// Runs both loops over `list` through the pairs of `table`.
    func iteratePairs(
        _ list: ListValue, table: PairKeyTable, parallel: ParallelWork, activation: inout Activation, budget: inout EvaluationBudget,
        into findings: inout [Finding]
    ) {
        // The table was built from these very candidates; a mismatch is a bug, reported loudly.
        guard table.count == list.count else {
            return findings.append(failure("pair keys of \(table.count) candidates for a slate of \(list.count)", at: nil))
        }
        for (position, failure) in table.failures {
            let at = Self.origin(of: list[position]).map(Self.location)
            findings.append(self.failure(failure.message, at: at))
        }
        let pairs = table.pairs()
        if table.readFailed {
            findings.append(failure("the pair keys could not be read back from their temporary file", at: nil))
        }
        let parts = max(1, min(parallel.width, pairs.count / Self.pairsPerThread))
        guard parts > 1 else {
            return evaluate(pairs[...], in: list, activation: &activation, budget: &budget, into: &findings, outlet: outlet)
        }
        let base = activation
        // Each part spends from a copy of what is left: the whole stays within parts × budget.
        let left = budget
        let results = Mutex(Array(repeating: [Finding](), count: parts))
        parallel.run(parts) { part in
            let range = pairs.count * part / parts..<pairs.count * (part + 1) / parts
            var activation = base
            var budget = left
            var found: [Finding] = []
            let outlet = outlet?.part(part + 1)
            evaluate(pairs[range], in: list, activation: &activation, budget: &budget, into: &found, outlet: outlet)
            outlet?.flush(&found)
            results.withLock { $0[part] = found }
        }
        findings += results.withLock { $0.joined() }
    }

    private func evaluate(
        _ pairs: ArraySlice<(Int, Int)>, in list: ListValue, activation: inout Activation,
        budget: inout EvaluationBudget, into findings: inout [Finding], outlet: FindingOutlet?
    ) {
        let first = compiled.loops[0]
        let second = compiled.loops[1]
        var current = -1
        for (a, b) in pairs {
            if a != current {
                activation[first.slot] = list[a]
                current = a
            }
            activation[second.slot] = list[b]
            let innermost = Innermost.slot(second.slot)
            guard budget.spend(steps: 1, at: nil) else {
                return findings.append(failure("\(budget.exceeded?.message ?? "cost limit") (in the pairs of `for_each`)", at: innermost.location(in: activation)))
            }
            let count = findings.count
            body(innermost: innermost, activation: &activation, budget: &budget, into: &findings)
            if findings.count != count { outlet?.flushIfFull(&findings) }
            if budget.exceeded != nil { return }
        }
    }
}
