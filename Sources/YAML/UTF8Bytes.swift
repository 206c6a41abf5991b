#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level checks on UTF-8 text held in buffers, shared by the readers of scalars (the
/// event reader's string table, schema typing's keys and enum codes).
public enum UTF8Bytes {
    /// Whether two buffers hold the same bytes: the lengths, then eight bytes at a time (the
    /// generic `elementsEqual` steps two iterators a byte at a time); from eight bytes on, the
    /// last eight are compared in one step too, overlapping the words before, rather than
    /// byte by byte.
    @inlinable @inline(__always)
    public static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = a.count
        guard count == b.count else { return false }
        guard let left = a.baseAddress, let right = b.baseAddress else { return true }
        @inline(__always) func sameWord(at index: Int) -> Bool {
            UnsafeRawPointer(left + index).loadUnaligned(as: UInt64.self)
                == UnsafeRawPointer(right + index).loadUnaligned(as: UInt64.self)
        }
        var index = 0
        while index + 8 <= count {
            if !sameWord(at: index) { return false }
            index += 8
        }
        if count >= 8 { return index == count || sameWord(at: count - 8) }
        while index < count {
            if left[index] != right[index] { return false }
            index += 1
        }
        return true
    }

    /// The order of two buffers byte by byte, a prefix first (negative, zero or positive, as
    /// `lexicographicallyPrecedes` and `elementsEqual` would say): `memcmp` over the common
    /// length, then the lengths. Sorting paths and fingerprint items by their bytes uses it.
    public static func order(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let length = Swift.min(a.count, b.count)
        if length > 0, let left = a.baseAddress, let right = b.baseAddress {
            let order = memcmp(left, right, length)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    /// Whether `text` is exactly `bytes` in UTF-8: the length first, then the bytes in place.
    @inlinable
    public static func same(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == bytes.count else { return false }
        return utf8.withContiguousStorageIfAvailable { same($0, bytes) } ?? utf8.elementsEqual(bytes)
    }

    /// Whether every byte is below 0x80, eight at a time.
    @inlinable
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var high: UInt64 = 0
        var index = 0
        while index + 8 <= count {
            high |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            index += 8
        }
        while index < count {
            high |= UInt64(base[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }
}
