import CEL

/// Blocked pair iteration for slate rules with `pair_keys` (`docs/performance.md`): the two
/// `for_each` loops visit only the pairs (a, b) of two different candidates whose keys meet
/// (`PairKeyTable`), in the order the full double loop would (a's position, then b's), so
/// findings do not change when the rule's `when` can hold only for such pairs — which is
/// what a rule author states by writing `pair_keys`. A slate of n candidates then costs
/// about n evaluations, not n².
extension RuleRunner {
    /// Runs both loops over `list` through the pairs of `table`.
    func iteratePairs(
        _ list: ListValue, table: PairKeyTable, activation: inout Activation, into findings: inout [Finding]
    ) {
        for (position, failure) in table.failures where position < list.count {
            let at = Self.origin(of: list[position]).map(Self.location)
            findings.append(self.failure("pair_keys \(failure.message)", at: at))
        }
        let first = compiled.loops[0]
        let second = compiled.loops[1]
        var current = -1
        for (a, b) in table.pairs() where a < list.count && b < list.count {
            if a != current {
                activation[first.slot] = list[a]
                current = a
            }
            let other = list[b]
            activation[second.slot] = other
            let innermost = Self.origin(of: other).map(Self.location)
            if let finding = body(innermost: innermost, activation: &activation) { findings.append(finding) }
        }
    }
}
