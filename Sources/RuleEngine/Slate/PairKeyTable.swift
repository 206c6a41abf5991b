import CEL
import Synchronization

/// The blocking keys of one pair rule (`pair_keys`) for every candidate of a slate, as 32-bit
/// hashes packed with the candidate's position: 8 bytes a key, so 100,000 candidates with a
/// dozen keys each cost under 10 MB (`docs/performance.md`, "Memory").
///
/// Two candidates are paired when their key lists share a hash. Keys that differ but hash
/// alike (a few hundred among a million keys) only add pairs that `when` then judges: a
/// finding never depends on a collision unless `pair_keys` misses a pair `when` accepts,
/// which `pair_keys` promises it does not.
public struct PairKeyTable: Sendable {
    /// What one candidate is known by (`pair_keys`) and points to (`pair_links`), hashed.
    public struct CandidateKeys: Sendable, Hashable {
        public var keys: [UInt32]
        public var links: [UInt32]

        public init(keys: [UInt32], links: [UInt32] = []) {
            self.keys = keys
            self.links = links
        }
    }

    /// One candidate's keys, or why they could not be computed.
    public typealias Keys = Result<CandidateKeys, Failure>

    public struct Failure: Error, Sendable, Hashable {
        /// Which expression failed and why: `pair_keys must give a list, found a string`.
        public var message: String
    }

    /// hash << 32 | role << 31 | position, one per distinct key (role 0) or link (role 1) of
    /// each candidate: the run being filled, kept in memory.
    private var entries: [UInt64] = []
    private var isSorted = true
    /// Full runs, sorted, moved to a temporary file: a million candidates with a dozen keys
    /// each would otherwise hold about 100 MB here. Shared by copies of a sealed table.
    private var spilled: SpilledRuns?
    /// Entries in memory before they go to the file as one sorted run.
    private let runLength: Int
    /// Whether the rule has `pair_links`: pairs are then links meeting keys, not keys meeting keys.
    public let linked: Bool
    /// Candidates whose keys could not be computed, by position: each gets an `error` finding.
    public private(set) var failures: [(position: Int, failure: Failure)] = []
    public private(set) var count = 0

    /// `runLength` entries (8 bytes each) stay in memory; beyond, sorted runs go to a
    /// temporary file (or stay in memory when none can be made). Sorting a run takes as much
    /// again while it lasts (`RadixSort`), so a run is 4 MB: 8 MB at most a table.
    public init(linked: Bool = false, runLength: Int = 1 << 19) {
        self.linked = linked
        self.runLength = max(1, runLength)
    }

    /// Adds the next candidate's keys (candidates are added in slate order).
    public mutating func append(_ keys: Keys) {
        let position = UInt64(UInt32(truncatingIfNeeded: count) & 0x7FFF_FFFF)
        count += 1
        switch keys {
        case .success(let candidate):
            Self.forEachDistinct(candidate.keys) { entries.append(UInt64($0) << 32 | position) }
            if linked {
                Self.forEachDistinct(candidate.links) { entries.append(UInt64($0) << 32 | 1 << 31 | position) }
            }
            isSorted = false
            if entries.count >= runLength { spill() }
        case .failure(let failure):
            failures.append((count - 1, failure))
        }
    }

    /// Calls `body` once for each distinct hash of one candidate. A candidate has a dozen
    /// keys or so: looking back over them costs less than a `Set` (a heap object) a candidate.
    private static func forEachDistinct(_ hashes: [UInt32], _ body: (UInt32) -> Void) {
        guard hashes.count <= 32 else {
            for hash in Set(hashes) { body(hash) }
            return
        }
        for index in hashes.indices where !hashes[..<index].contains(hashes[index]) { body(hashes[index]) }
    }

    /// Sorts the run in memory and moves it to the file; it stays in memory when it cannot be written.
    private mutating func spill() {
        if spilled == nil { spilled = SpilledRuns() }
        guard let spilled, spilled.file != nil else { return }
        RadixSort.sort(&entries)
        if spilled.add(entries) {
            entries.removeAll(keepingCapacity: true)
            isSorted = true
        }
    }

    /// Sorts the keys in place, once all candidates are in, so `pairs()` needs no copy.
    public mutating func seal() {
        guard !isSorted else { return }
        RadixSort.sort(&entries)
        isSorted = true
    }

    /// Every ordered pair (a, b), a ≠ b, whose keys meet (or, with links, where one's links
    /// meet the other's keys), sorted by a then b: the order the full double loop would
    /// visit them in.
    public func pairs() -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var group: [UInt64] = []
        // The runs on file and the one in memory, merged in hash order, one hash at a time.
        forEachEntry { entry in
            if let first = group.first, first >> 32 != entry >> 32 {
                addPairs(of: group, to: &pairs)
                group.removeAll(keepingCapacity: true)
            }
            group.append(entry)
        }
        addPairs(of: group, to: &pairs)
        pairs.sort { $0 < $1 }
        var unique: [(Int, Int)] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last.map({ $0 != pair }) ?? true { unique.append(pair) }
        return unique
    }

    /// Whether a run of keys could not be read back from the temporary file: the last
    /// `pairs()` then missed pairs, and the rule must report that rather than pass.
    public var readFailed: Bool { spilled?.readFailed.load(ordering: .relaxed) ?? false }

    /// The pairs of the entries sharing one hash (sorted, so keys come before links).
    private func addPairs(of group: [UInt64], to pairs: inout [(Int, Int)]) {
        let keys = group.prefix { $0 & 1 << 31 == 0 }.map { Int($0 & 0x7FFF_FFFF) }
        let links = linked ? group.dropFirst(keys.count).map { Int($0 & 0x7FFF_FFFF) } : keys
        for a in keys {
            for b in links where a != b {
                pairs.append((a, b))
                if linked { pairs.append((b, a)) }
            }
        }
    }

    /// Every entry in ascending order: the runs on file merged with the one in memory.
    private func forEachEntry(_ body: (UInt64) -> Void) {
        var memory = entries
        if !isSorted { RadixSort.sort(&memory) }
        var cursors = (spilled?.cursors() ?? []) + [RunCursor(memory)]
        cursors.removeAll { $0.current == nil }
        while !cursors.isEmpty {
            var smallest = 0
            for index in cursors.indices.dropFirst() where cursors[index].current! < cursors[smallest].current! {
                smallest = index
            }
            body(cursors[smallest].current!)
            if !cursors[smallest].advance() { cursors.remove(at: smallest) }
        }
    }

    /// The hashes of the keys `key` (`pair_keys` or `pair_links`) gave for one candidate:
    /// strings and ints (nulls skipped).
    public static func hashes(_ value: Value, of key: String) -> Result<[UInt32], Failure> {
        guard case .list(let list) = value else {
            if case .error(let error) = value { return .failure(Failure(message: "\(key) failed: \(error.message)")) }
            return .failure(Failure(message: "\(key) must give a list, found \(RuleRunner.kind(value))"))
        }
        var hashes: [UInt32] = []
        hashes.reserveCapacity(list.count)
        for element in list {
            switch element {
            case .string(var text): hashes.append(text.withUTF8 { hash(tag: 0x73, $0) })
            case .int(let number): hashes.append(withUnsafeBytes(of: number.littleEndian) { hash(tag: 0x69, $0) })
            case .null: continue
            case .error(let error): return .failure(Failure(message: "\(key) failed: \(error.message)"))
            default: return .failure(Failure(message: "\(key) keys must be strings or ints, found \(RuleRunner.kind(element))"))
            }
        }
        return .success(hashes)
    }

    /// FNV-1a, 32 bits: the same in every run and on every machine, unlike `Hasher`, so pairs
    /// (and reports) are reproducible. An int is hashed as its 8 bytes, least significant first.
    /// Over contiguous bytes: through `String.UTF8View` it was a tenth of computing the keys.
    private static func hash(tag: UInt8, _ bytes: some Collection<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811c_9dc5
        hash = (hash ^ UInt32(tag)) &* 0x0100_0193
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }
}

/// The sorted runs of a `PairKeyTable` moved to a temporary file.
private final class SpilledRuns: @unchecked Sendable {
    let file = SpillFile()
    /// Set when a run could not be read back: its pairs are missing.
    let readFailed = Atomic<Bool>(false)
    /// Each run's first entry and length, in entries.
    private(set) var runs: [(start: UInt64, count: Int)] = []

    /// Writes one sorted run; false when it could not be written.
    func add(_ run: [UInt64]) -> Bool {
        guard let file else { return false }
        let start = file.size / 8
        guard run.withUnsafeBytes({ file.append($0) }) else { return false }
        runs.append((start, run.count))
        return true
    }

    func cursors() -> [RunCursor] {
        guard let file else { return [] }
        return runs.map { RunCursor(runs: self, file: file, start: $0.start, count: $0.count) }
    }
}

/// Reads one sorted run in order: from memory, or from the file a block at a time.
private struct RunCursor {
    private var block: [UInt64]
    private var index = 0
    private let file: SpillFile?
    private let runs: SpilledRuns?
    /// The next entry on file not yet in `block`, and how many are left after it.
    private var next: UInt64
    private var left: Int
    /// Entries read from the file at a time (64 KB). A merge holds one block of every run,
    /// and a million candidates make about 27 runs per table, merged once per rule that
    /// reads the table: 512 KB blocks held 14 MB a merge.
    private static let blockLength = 1 << 13

    init(_ entries: [UInt64]) {
        block = entries
        file = nil
        runs = nil
        next = 0
        left = 0
    }

    init(runs: SpilledRuns, file: SpillFile, start: UInt64, count: Int) {
        block = []
        self.runs = runs
        self.file = file
        next = start
        left = count
        _ = refill()
    }

    var current: UInt64? { index < block.count ? block[index] : nil }

    /// Moves to the next entry; false at the end of the run, or on a read error, which ends
    /// it and is recorded (`PairKeyTable.readFailed`).
    mutating func advance() -> Bool {
        index += 1
        return index < block.count || refill()
    }

    private mutating func refill() -> Bool {
        guard let file, left > 0 else { return false }
        let length = min(left, Self.blockLength)
        var entries = [UInt64](repeating: 0, count: length)
        let read = entries.withUnsafeMutableBytes { file.read(into: $0, at: next * 8, minimum: length * 8) }
        guard read != nil else {
            runs?.readFailed.store(true, ordering: .relaxed)
            left = 0
            return false
        }
        block = entries
        index = 0
        next += UInt64(length)
        left -= length
        return true
    }
}
