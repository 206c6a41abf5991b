import Testing
import YAML

/// `UTF8Bytes.same` compares words, and the last word overlapping the ones before: every
/// length up to 40 bytes, with each byte in turn changed, agrees with comparing arrays.
@Suite struct UTF8BytesTests {
    @Test func sameAgreesWithArrayEqualityAtEveryLengthAndPosition() {
        for count in 0...40 {
            let text = (0..<count).map { UInt8(truncatingIfNeeded: 0x41 &+ $0 &* 7) }
            var cases: [[UInt8]] = [text, text + [0x41], Array(text.dropLast())]
            for index in text.indices {
                var changed = text
                changed[index] ^= 0x01
                cases.append(changed)
            }
            for other in cases {
                let same = text.withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in UTF8Bytes.same(a, b) } }
                #expect(same == (text == other), "\(count): \(other)")
            }
        }
    }
}
