import Testing
@testable import RuleEngine

/// `EnumCodes.index(of:)` compares a scalar's length and first sixteen bytes as numbers: it
/// must find exactly the first code whose UTF-8 is the scalar's bytes, long codes included.
struct EnumCodesTests {
    static let codes = [
        "", "a", "self", "spouse", "minor_child", "apartment", "abcdefghijklmnop", "abcdefghijklmnopq",
        "abcdefghijklmnopr", "re_election_of_the_committee", "re_election_of_the_committeX", "đảng_viên", "nam",
    ]

    /// Every code, and every code with one byte changed, one dropped or one added.
    static func scalars() -> [[UInt8]] {
        ByteVariants.of(codes)
    }

    @Test func findsExactlyTheCodeOfTheScalarsBytes() {
        let table = EnumCodes(Self.codes)
        for scalar in Self.scalars() {
            let expected = Self.codes.firstIndex { Array($0.utf8) == scalar }
            #expect(scalar.withUnsafeBufferPointer { table.index(of: $0) } == expected, "scalar \(scalar)")
        }
    }

    @Test func typingGivesTheSchemasOwnCodeOrTheProblem() {
        let table = EnumCodes(["self", "spouse"])
        let found = Array("spouse".utf8).withUnsafeBufferPointer {
            ScalarTyping.convertNonNull($0, as: .enumeration, codes: table)
        }
        guard case .value(.string(let code)) = found else {
            Issue.record("spouse read as \(found)")
            return
        }
        #expect(code == "spouse")
        let missing = Array("child".utf8).withUnsafeBufferPointer {
            ScalarTyping.convertNonNull($0, as: .enumeration, codes: table)
        }
        guard case .problem(.enumeration(let listed)) = missing else {
            Issue.record("child read as \(missing)")
            return
        }
        #expect(listed == ["self", "spouse"])
    }
}
