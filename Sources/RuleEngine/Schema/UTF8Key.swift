/// A short UTF-8 text's length and first sixteen bytes as two numbers, so that a scalar's bytes
/// are matched against a schema's names and codes by comparing numbers: equal keys mean the
/// same text up to sixteen bytes; a longer text must then match in its remaining bytes too.
struct UTF8Key: Equatable {
    let count: Int
    /// Bytes 0..<8 and 8..<16, zero-padded, as little-endian numbers.
    let head: UInt64
    let tail: UInt64

    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        count = bytes.count
        (head, tail) = Self.words(bytes)
    }

    @inline(__always)
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let count = bytes.count
        guard let base = bytes.baseAddress, count >= 4 else {
            var head: UInt64 = 0
            for index in 0..<count { head |= UInt64(bytes[index]) << (8 * UInt64(index)) }
            return (head, 0)
        }
        guard count >= 8 else {
            // Two four-byte words, overlapping on the same bytes.
            func half(at offset: Int) -> UInt64 { UInt64(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self)) }
            return (half(at: 0) | half(at: count - 4) << (8 * UInt64(count - 4)), 0)
        }
        func word(at offset: Int) -> UInt64 { UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) }
        // The tail is the last eight bytes with those already in the head shifted out.
        let tail = count >= 16 ? word(at: 8) : count == 8 ? 0 : word(at: count - 8) >> (8 * UInt64(16 - count))
        return (word(at: 0), tail)
    }
}
