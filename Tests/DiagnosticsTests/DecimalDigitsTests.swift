import Diagnostics
import Testing

/// Digits written straight into bytes are `String(value)`'s, and their counts match.
@Suite struct DecimalDigitsTests {
    @Test(arguments: [0, 1, 9, 10, -1, -9, -10, 99, 100, -100, 1_650_000_000, Int64.max, Int64.min, Int64.min + 1])
    func digitsAndCountsAreTheTextOfTheNumber(value: Int64) {
        var bytes: [UInt8] = [42]
        DecimalDigits.append(value, to: &bytes)
        #expect(bytes == [42] + Array(String(value).utf8))
        #expect(DecimalDigits.count(of: value) == String(value).utf8.count)
        if value >= 0 { #expect(DecimalDigits.count(of: Int(value)) == String(value).utf8.count) }
    }
}
