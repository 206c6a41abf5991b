import Testing
@testable import YAML

/// The one-based conversion of libyaml's mark numbers, with no overflow check, gives what
/// `Int32(clamping: value + 1)` gives.
@Suite struct MarkConverterTests {
    @Test func oneBasedIsTheClampedSuccessor() {
        let edge = Int(Int32.max)
        let values = [0, 1, 2, 79, 1_000_000, edge - 2, edge - 1, edge, edge + 1, Int(UInt32.max), Int.max - 1]
        for value in values {
            #expect(MarkConverter.oneBased(value) == Int32(clamping: value + 1), "\(value)")
        }
    }
}
