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
    /// each candidate.
    private var entries: [UInt64] = []
    private var isSorted = true
    /// Whether the rule has `pair_links`: pairs are then links meeting keys, not keys meeting keys.
    public let linked: Bool
    /// Candidates whose keys could not be computed, by position: each gets an `error` finding.
    public private(set) var failures: [(position: Int, failure: Failure)] = []
    public private(set) var count = 0

    public init(linked: Bool = false) { self.linked = linked }

    /// Adds the next candidate's keys (candidates are added in slate order).
    public mutating func append(_ keys: Keys) {
        let position = UInt64(UInt32(truncatingIfNeeded: count) & 0x7FFF_FFFF)
        count += 1
        switch keys {
        case .success(let candidate):
            for hash in Set(candidate.keys) { entries.append(UInt64(hash) << 32 | position) }
            if linked {
                for hash in Set(candidate.links) { entries.append(UInt64(hash) << 32 | 1 << 31 | position) }
            }
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

    /// Every ordered pair (a, b), a ≠ b, whose keys meet (or, with links, where one's links
    /// meet the other's keys), sorted by a then b: the order the full double loop would
    /// visit them in.
    public func pairs() -> [(Int, Int)] {
        let sorted = isSorted ? entries : entries.sorted()
        var pairs: [(Int, Int)] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end] >> 32 == sorted[start] >> 32 { end += 1 }
            // Within a hash, keys sort before links.
            let group = sorted[start..<end]
            let keys = group.prefix { $0 & 1 << 31 == 0 }.map { Int($0 & 0x7FFF_FFFF) }
            let links = linked ? group.dropFirst(keys.count).map { Int($0 & 0x7FFF_FFFF) } : keys
            for a in keys {
                for b in links where a != b {
                    pairs.append((a, b))
                    if linked { pairs.append((b, a)) }
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
            case .string(let text): hashes.append(hash(tag: 0x73, text.utf8))
            case .int(let number): hashes.append(hash(tag: 0x69, (0..<8).map { UInt8(truncatingIfNeeded: number >> ($0 * 8)) }))
            case .null: continue
            case .error(let error): return .failure(Failure(message: "\(key) failed: \(error.message)"))
            default: return .failure(Failure(message: "\(key) keys must be strings or ints, found \(RuleRunner.kind(element))"))
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
