import CEL

/// The blocking keys of one pair rule (`pair_keys`) for every candidate of a slate, as 64-bit
/// hashes: about 12 bytes a key, so 100,000 candidates cost a few megabytes
/// (`docs/performance.md`).
///
/// Two candidates are paired when their key lists share a hash. Keys that differ but hash
/// alike (odds about 1 in 10¹⁸ for a slate of 100,000) only add a pair that `when` then
/// judges: a finding never depends on a collision unless `pair_keys` misses a pair `when`
/// accepts, which `pair_keys` promises it does not.
public struct PairKeyTable: Sendable {
    /// One candidate's keys, or why `pair_keys` failed for it.
    public typealias Keys = Result<[UInt64], Failure>

    public struct Failure: Error, Sendable, Hashable {
        public var message: String
    }

    private var entries: [(hash: UInt64, position: Int32)] = []
    /// Candidates whose keys could not be computed, by position: each gets an `error` finding.
    public private(set) var failures: [(position: Int, failure: Failure)] = []
    public private(set) var count = 0

    public init() {}

    /// Adds the next candidate's keys (candidates are added in slate order).
    public mutating func append(_ keys: Keys) {
        let position = Int32(truncatingIfNeeded: count)
        count += 1
        switch keys {
        case .success(let hashes):
            for hash in Set(hashes) { entries.append((hash, position)) }
        case .failure(let failure):
            failures.append((count - 1, failure))
        }
    }

    /// Every ordered pair (a, b), a ≠ b, of candidates sharing a key, sorted by a then b: the
    /// order the full double loop would visit them in.
    public func pairs() -> [(Int, Int)] {
        let sorted = entries.sorted { ($0.hash, $0.position) < ($1.hash, $1.position) }
        var pairs: [(Int, Int)] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end].hash == sorted[start].hash { end += 1 }
            for a in start..<end {
                for b in start..<end where a != b {
                    pairs.append((Int(sorted[a].position), Int(sorted[b].position)))
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
        var hashes: [UInt64] = []
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

    /// FNV-1a, 64 bits: the same in every run and on every machine, unlike `Hasher`, so pairs
    /// (and reports) are reproducible.
    private static func hash(tag: UInt8, _ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        hash = (hash ^ UInt64(tag)) &* 0x100_0000_01b3
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
