import CEL
import RuleEngine

/// Gathers, in slate order, what the slate rules need of each valid dossier: its record (in a
/// `SlateRecordStore`) and its pair keys. Used on the thread that receives screened dossiers.
final class SlateCollector: @unchecked Sendable {
    private let store: SlateRecordStore
    private let keeper: SlateKeeper
    private var tables: [PairKeyTable]

    init(keeper: SlateKeeper) {
        self.store = SlateRecordStore(codec: keeper.codec)
        self.keeper = keeper
        self.tables = keeper.pairKeys.emptyTables()
    }

    func add(_ entry: SlateEntry, file: String) {
        store.append(entry.record, file: file)
        for (index, keys) in entry.keys.enumerated() where index < tables.count { tables[index].append(keys) }
    }

    /// The candidates, read back one at a time by the slate rules.
    func candidates(jobs: Int) -> SlateCandidates {
        for index in tables.indices { tables[index].seal() }
        let store = self.store
        var candidates = SlateCandidates(
            list: ListValue(source: store), position: { store.position(of: $0) },
            pairKeys: keeper.pairKeys.tablesByRule(tables))
        candidates.parallel = .threads(jobs)
        for (rule, selection) in keeper.narrowed {
            candidates.narrowed[rule] = ListValue(source: SlateRecordStore.Narrowed(store, selection: selection))
        }
        return candidates
    }
}
