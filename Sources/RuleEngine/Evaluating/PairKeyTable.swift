import CEL

/// The blocking keys of one pair rule (`pair_keys`) for every candidate of a slate, as 32-bit
/// hashes packed with the candidate's position: 8 bytes a key, so 100,000 candidates with a
/// dozen keys each cost under 10 MB (`docs/performance.md`, "Memory").
///
/// Two candidates are paired when their key lists share a hash. Keys that differ but hash
/// alike (a few hundred among a million keys) only add pairs that `when` then judges: a
/// finding never depends on a collision unless `pair_keys` misses a pair `when` accepts,
/// which `pair_keys` promises it does not.
public struct PairKeyTable: Sendable {
    /// One candidate's keys, or why `pair_keys` failed for it.
    public typealias Keys = Result<[UInt32], Failure>

    public struct Failure: Error, Sendable, Hashable {
        public var message: String
    }

    /// hash << 32 | position, one per distinct key of each candidate.
    private var entries: [UInt64] = []
    private var isSorted = true
    /// Candidates whose keys could not be computed, by position: each gets an `error` finding.
    public private(set) var failures: [(position: Int, failure: Failure)] = []
    public private(set) var count = 0

    public init() {}

    /// Adds the next candidate's keys (candidates are added in slate order).
    public mutating func append(_ keys: Keys) {
        let position = UInt64(UInt32(truncatingIfNeeded: count))
        count += 1
        switch keys {
        case .success(let hashes):
            for hash in Set(hashes) { entries.append(UInt64(hash) << 32 | position) }
            isSorted = false
        case .failure(let failure):
            failures.append((count - 1, failure))
        }
    }

    /// Sorts the keys in place, once all candidates are in, so `pairs()` needs no copy.
    public mutating func seal() {
        guard !isSorted else { return }
        entries.sort()
        isSorted = true
    }

    /// Every ordered pair (a, b), a ≠ b, of candidates sharing a key, sorted by a then b: the
    /// order the full double loop would visit them in.
    public func pairs() -> [(Int, Int)] {
        let sorted = isSorted ? entries : entries.sorted()
        var pairs: [(Int, Int)] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end] >> 32 == sorted[start] >> 32 { end += 1 }
            for a in start..<end {
                for b in start..<end where a != b {
                    pairs.append((Int(sorted[a] & 0xFFFF_FFFF), Int(sorted[b] & 0xFFFF_FFFF)))
                }
            }
            start = end
        }
        pairs.sort { $0 < $1 }
        var unique: [(Int, Int)] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last.map({ $0 != pair }) ?? true { unique.append(pair) }
        return unique
    }

    /// The keys `pair_keys` gave for one candidate: strings and ints (nulls skipped), hashed.
    public static func keys(_ value: Value) -> Keys {
        guard case .list(let list) = value else {
            if case .error(let error) = value { return .failure(Failure(message: "failed: \(error.message)")) }
            return .failure(Failure(message: "must give a list, found \(RuleRunner.kind(value))"))
        }
        var hashes: [UInt32] = []
        hashes.reserveCapacity(list.count)
        for element in list {
            switch element {
            case .string(let text): hashes.append(hash(tag: 0x73, text.utf8))
            case .int(let number): hashes.append(hash(tag: 0x69, (0..<8).map { UInt8(truncatingIfNeeded: number >> ($0 * 8)) }))
            case .null: continue
            case .error(let error): return .failure(Failure(message: "failed: \(error.message)"))
            default: return .failure(Failure(message: "keys must be strings or ints, found \(RuleRunner.kind(element))"))
            }
        }
        return .success(hashes)
    }

    /// FNV-1a, 32 bits: the same in every run and on every machine, unlike `Hasher`, so pairs
    /// (and reports) are reproducible.
    private static func hash(tag: UInt8, _ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811c_9dc5
        hash = (hash ^ UInt32(tag)) &* 0x0100_0193
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }
}
