import Diagnostics
import Testing

/// `HexDigits`: the prefix, then two lower-case digits per byte, high nibble first.
struct HexDigitsTests {
    @Test func everyNibbleInOrder() {
        let bytes: [UInt8] = [0x00, 0x0f, 0xa5, 0xff, 0x10]
        #expect(bytes.withUnsafeBytes { HexDigits.string(prefix: "C-", $0) } == "C-000fa5ff10")
        #expect([UInt8]().withUnsafeBytes { HexDigits.string(prefix: "sha256:", $0) } == "sha256:")
        let all = (0...255).map(UInt8.init)
        let expected = all.map { String($0 >> 4, radix: 16) + String($0 & 0x0f, radix: 16) }.joined()
        #expect(all.withUnsafeBytes { HexDigits.string(prefix: "", $0) } == expected)
    }
}
