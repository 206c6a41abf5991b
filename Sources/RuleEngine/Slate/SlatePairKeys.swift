import CEL

/// Computes a candidate's `pair_keys` (and `pair_links`) for every pair rule of a slate, while
/// its dossier is at hand: in the worker that screened it, so the slate phase only joins keys
/// (`PairKeyTable`). Rules whose `pair_keys` and `pair_links` read the same are evaluated once.
public struct SlatePairKeys: Sendable {
    /// The distinct `pair_keys` programs: the rule that evaluates each, and every rule sharing it.
    private let groups: [(rule: CompiledRule, ruleIDs: [String])]
    private let slate: Value
    private let asOf: CivilDate
    private let params: Value

    public init(rules: [CompiledRule], slate: Value, asOf: CivilDate, params: Value) {
        var groups: [(rule: CompiledRule, ruleIDs: [String])] = []
        for rule in rules where rule.rule.scope == .slate {
            guard let keys = rule.pairKeys else { continue }
            if let index = groups.firstIndex(where: {
                $0.rule.pairKeys?.text == keys.text && $0.rule.pairLinks?.text == rule.pairLinks?.text
            }) {
                groups[index].ruleIDs.append(rule.rule.id)
            } else {
                groups.append((rule, [rule.rule.id]))
            }
        }
        self.groups = groups
        self.slate = slate
        self.asOf = asOf
        self.params = params
    }

    /// How many key lists `keys(of:)` gives: one per distinct `pair_keys`.
    public var count: Int { groups.count }

    /// The candidate's keys under each distinct `pair_keys`, in `count` order. `pair_keys`
    /// sees the candidate, `slate`, `as_of` and `params`, never `candidates` (the compiler
    /// refuses that), so one candidate's keys do not depend on the others.
    public func keys(of dossier: ObjectValue) -> [PairKeyTable.Keys] {
        groups.map { group in
            let rule = group.rule
            var activation = Activation(slotCount: rule.slotCount)
            activation[rule.inputs.slate] = slate
            activation[rule.inputs.asOf] = .date(asOf)
            activation[rule.inputs.params] = params
            activation[rule.loops[0].slot] = .object(dossier)
            return PairKeyTable.hashes(rule.pairKeys?.evaluate(activation) ?? .null, of: "pair_keys").flatMap { keys in
                guard let links = rule.pairLinks else { return .success(PairKeyTable.CandidateKeys(keys: keys)) }
                return PairKeyTable.hashes(links.evaluate(activation), of: "pair_links").map {
                    PairKeyTable.CandidateKeys(keys: keys, links: $0)
                }
            }
        }
    }

    /// Empty tables, one per distinct `pair_keys`, in `count` order.
    public func emptyTables() -> [PairKeyTable] {
        groups.map { PairKeyTable(linked: $0.rule.pairLinks != nil) }
    }

    /// Each pair rule's table, from the tables built in `count` order (sealed, so rules
    /// sharing one share its storage).
    public func tablesByRule(_ tables: [PairKeyTable]) -> [String: PairKeyTable] {
        var byRule: [String: PairKeyTable] = [:]
        for (group, table) in zip(groups, tables) {
            for id in group.ruleIDs { byRule[id] = table }
        }
        return byRule
    }

    /// The tables of candidates held in memory.
    public func tables(for dossiers: [ObjectValue]) -> [String: PairKeyTable] {
        var tables = emptyTables()
        for dossier in dossiers {
            for (index, keys) in keys(of: dossier).enumerated() { tables[index].append(keys) }
        }
        for index in tables.indices { tables[index].seal() }
        return tablesByRule(tables)
    }
}
