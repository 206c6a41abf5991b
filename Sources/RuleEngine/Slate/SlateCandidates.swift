import CEL

/// The candidates slate rules run over: the list (held in memory, or read one at a time from
/// records kept on disk), where each stands in the slate, and each pair rule's key table.
public struct SlateCandidates: Sendable {
    public let list: ListValue
    /// The slate position of a candidate read from `list`: findings name the involved
    /// dossiers in slate order.
    public let position: @Sendable (ObjectValue) -> Int?
    /// Per pair rule id, every candidate's keys.
    public let pairKeys: [String: PairKeyTable]
    /// How slate rules, and the parts of a pair rule's pairs, are run: in turn unless the
    /// caller passes threads (`ParallelWork.threads(_:)` in Screening, for `--jobs`).
    public var parallel: ParallelWork = .serial
    /// Per slate rule id, the same candidates read with only the fields that rule can observe
    /// (`SlateFieldUse.observed(by:isRecord:)`); a rule not named here reads `list`.
    public var narrowed: [String: ListValue] = [:]

    /// The candidates as the rule `id` reads them.
    public func list(for id: String) -> ListValue { narrowed[id] ?? list }

    public init(list: ListValue, position: @escaping @Sendable (ObjectValue) -> Int?, pairKeys: [String: PairKeyTable]) {
        self.list = list
        self.position = position
        self.pairKeys = pairKeys
    }

    /// Candidates held in memory (`check`, examples, small slates), their keys computed here.
    public init(dossiers: [ObjectValue], keys: SlatePairKeys) {
        var positions: [ObjectIdentifier: Int] = [:]
        for (index, dossier) in dossiers.enumerated() { positions[dossier.identity] = index }
        let frozen = positions
        self.init(
            list: ListValue(dossiers.map(Value.object)), position: { frozen[$0.identity] },
            pairKeys: keys.tables(for: dossiers))
    }
}
