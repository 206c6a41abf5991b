import CEL
import RuleEngine
import Testing

/// The pairs a `pair_keys` table yields: every ordered pair sharing a key, once, in the order
/// of the full double loop.
@Suite struct PairKeyTableTests {

    /// Keys are hashed with FNV-1a over a tag byte and the key's bytes (a string's UTF-8, an
    /// int's 8 bytes least significant first): fixed values, the same on every machine.
    @Test func keysHashAsFNV1aOfTheirBytes() {
        func fnv(_ bytes: [UInt8]) -> UInt32 {
            bytes.reduce(UInt32(0x811c_9dc5)) { ($0 ^ UInt32($1)) &* 0x0100_0193 }
        }
        let number: Int64 = -1_234_567_890_123
        let expected = [
            fnv([0x73] + Array("name:nguyen van a/1970".utf8)), fnv([0x73] + Array("Ở".utf8)), fnv([0x73]),
            fnv([0x69] + (0..<8).map { UInt8(truncatingIfNeeded: number >> ($0 * 8)) }),
        ]
        #expect(Self.hashes([.string("name:nguyen van a/1970"), .string("Ở"), .string(""), .null, .int(number)]) == expected)
        #expect(Self.hashes([.string("abc")]) == [0x9b1d_44a6])
    }
    static func hashes(_ values: [Value]) -> [UInt32] {
        (try? PairKeyTable.hashes(.list(ListValue(values)), of: "pair_keys").get()) ?? []
    }

    static func table(_ keys: [[Value]]) -> PairKeyTable {
        var table = PairKeyTable()
        for list in keys { table.append(.success(.init(keys: hashes(list)))) }
        return table
    }

    @Test func candidatesSharingAKeyArePairedBothWaysOnce() {
        let table = Self.table([
            [.string("id:1"), .string("name:an/1970")],
            [.string("id:2")],
            [.string("id:1"), .string("name:an/1970")],  // shares two keys with 0: one pair
            [.int(7), .null],
            [.string("id:2"), .int(7)],
        ])
        #expect(table.pairs().map { "\($0.0)-\($0.1)" } == ["0-2", "1-4", "2-0", "3-4", "4-1", "4-3"])
        #expect(table.count == 5)
    }

    @Test func aStringAndAnIntNeverMeet() {
        #expect(Self.table([[.string("7")], [.int(7)]]).pairs().isEmpty)
    }

    @Test func aCandidateNeverPairsWithItself() {
        #expect(Self.table([[.string("a"), .string("a")], [.string("b")]]).pairs().isEmpty)
    }

    @Test func failuresAreKeptByPosition() {
        var table = PairKeyTable()
        for value in [Value.list(ListValue([.string("a")])), .string("a"), .list(ListValue([.double(1.5)]))] {
            table.append(PairKeyTable.hashes(value, of: "pair_keys").map { .init(keys: $0) })
        }
        #expect(table.failures.map { "\($0.position) \($0.failure.message)" } == [
            "1 pair_keys must give a list, found a string", "2 pair_keys keys must be strings or ints, found a double",
        ])
        #expect(table.pairs().isEmpty)
    }
}

extension PairKeyTableTests {
    @Test func sealingKeepsThePairs() {
        var table = Self.table([[.string("x")], [.string("y")], [.string("x")], [.string("y")]])
        let before = table.pairs().map { "\($0.0)-\($0.1)" }
        table.seal()
        #expect(table.pairs().map { "\($0.0)-\($0.1)" } == before)
        #expect(before == ["0-2", "1-3", "2-0", "3-1"])
    }
}

extension PairKeyTableTests {
    /// With links, a pair needs one candidate's link to meet the other's key: two candidates
    /// listing the same relative are not paired.
    @Test func linksMeetKeysNotLinks() {
        var table = PairKeyTable(linked: true)
        let people: [(keys: [Value], links: [Value])] = [
            ([.string("an")], [.string("mother")]),
            ([.string("binh")], [.string("mother"), .string("an")]),  // lists an
            ([.string("mother")], []),  // the mother herself is a candidate
            ([.string("chi")], [.string("mother")]),
        ]
        for person in people { table.append(.success(.init(keys: Self.hashes(person.keys), links: Self.hashes(person.links)))) }
        #expect(table.pairs().map { "\($0.0)-\($0.1)" } == ["0-1", "0-2", "1-0", "1-2", "2-0", "2-1", "2-3", "3-2"])
    }
}

extension PairKeyTableTests {
    /// The pairs of `people` candidates (keys and links by `mod`) from a table that keeps
    /// every key in memory and from one that moves runs of `runLength` keys to its file.
    static func pairsInMemoryAndSpilled(
        people: Int, runLength: Int, linked: Bool, mod: (keys: Int, ints: Int, links: Int)
    ) -> (expected: [String], spilled: [String], readFailed: Bool, count: Int) {
        var inMemory = PairKeyTable(linked: linked)
        var spilled = PairKeyTable(linked: linked, runLength: runLength)
        for person in 0..<people {
            let keys = hashes([.string("k\(person % mod.keys)"), .int(Int64(person % mod.ints))])
            let links = hashes([.string("k\((person * 7) % mod.links)")])
            inMemory.append(.success(.init(keys: keys, links: links)))
            spilled.append(.success(.init(keys: keys, links: links)))
        }
        inMemory.seal()
        spilled.seal()
        return (inMemory.pairs().map { "\($0.0)-\($0.1)" }, spilled.pairs().map { "\($0.0)-\($0.1)" },
                spilled.readFailed, spilled.count)
    }

    /// Keys moved to the temporary file in short sorted runs give the pairs the table gives
    /// when it keeps every key in memory, with and without links.
    @Test(arguments: [false, true])
    func runsOnFileGiveThePairsOfATableInMemory(linked: Bool) {
        let result = Self.pairsInMemoryAndSpilled(people: 200, runLength: 3, linked: linked, mod: (37, 11, 41))
        #expect(result.expected.count > 1000)
        #expect(result.spilled == result.expected)
        #expect(!result.readFailed)
        #expect(result.count == 200)
    }

    /// Runs longer than the block a merge reads at a time (8 Ki entries) are read back in
    /// several blocks, and give the same pairs.
    @Test func runsLongerThanABlockAreReadInBlocks() {
        let result = Self.pairsInMemoryAndSpilled(people: 12_000, runLength: 20_000, linked: true, mod: (3_001, 2_999, 3_011))
        #expect(result.expected.count > 10_000)
        #expect(result.spilled == result.expected)
        #expect(!result.readFailed)
    }
}
