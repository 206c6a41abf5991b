/// An integer's decimal text written straight into UTF-8 bytes, as `String(value)` writes it,
/// with no `String` made: JSON numbers and fingerprint netstrings write many of them.
public enum DecimalDigits {
    /// Appends `value`'s digits, with a `-` first when it is negative.
    public static func append(_ value: Int64, to bytes: inout [UInt8]) {
        withText(of: value) { bytes.append(contentsOf: $0) }
    }

    /// `value`'s text (what `append` writes) in a buffer valid during `body`: for a caller
    /// that writes it into its own storage (`JSONWriter`).
    @inline(__always)
    static func withText<Result>(of value: Int64, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes, room for `-` and UInt64's 20 digits
        return withUnsafeMutableBytes(of: &digits) { buffer in
            var end = buffer.count
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            if value < 0 {
                end -= 1
                buffer[end] = UInt8(ascii: "-")
            }
            return body(UnsafeRawBufferPointer(rebasing: buffer[end...]))
        }
    }

    /// How many bytes `append` writes: the digits, and the `-` of a negative value.
    public static func count(of value: Int64) -> Int {
        var digits = value < 0 ? 2 : 1
        var rest = value.magnitude
        while rest >= 10 {
            digits += 1
            rest /= 10
        }
        return digits
    }

    /// How many digits `append` writes for a value that is not negative.
    public static func count(of value: Int) -> Int {
        count(of: Int64(value))
    }
}
