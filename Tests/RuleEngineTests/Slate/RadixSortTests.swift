@testable import RuleEngine
import Testing

/// The pair rules' key sort gives the standard library's order, for the shapes pair keys
/// take: a hash over a position (high bytes of the position all zero), every byte random,
/// duplicates, and arrays below the radix threshold.
@Suite struct RadixSortTests {
    /// A fixed pseudo-random sequence (SplitMix64), so a failure repeats.
    static func randomValues(_ count: Int, seed: UInt64, _ shape: (UInt64, Int) -> UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { index in
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return shape(mixed ^ (mixed >> 31), index)
        }
    }

    @Test(arguments: [0, 1, 2, RadixSort.smallCount - 1, RadixSort.smallCount, 5_000, 100_003])
    func sortsAsTheStandardLibraryDoes(count: Int) {
        let shapes: [(UInt64, Int) -> UInt64] = [
            { random, _ in random },
            { random, index in random & 0xFFFF_FFFF_0000_0000 | UInt64(index % 40_000) },
            { random, index in (random & 0x8000_0007) << 32 | UInt64(index % 3) },
            { _, _ in 42 },
        ]
        for (seed, shape) in shapes.enumerated() {
            var values = Self.randomValues(count, seed: UInt64(seed + 1), shape)
            let expected = values.sorted()
            RadixSort.sort(&values)
            #expect(values == expected, "shape \(seed), \(count) values")
        }
    }
}
