/// `String`s of libyaml's scalars, made without checking their UTF-8 again and shared within
/// a document when the same long text comes back.
///
/// libyaml hands out only valid UTF-8: its reader decodes the input character by character
/// and stops with a reader error on a bad lead or trailing byte, an overlong form, a surrogate
/// or a code point above U+10FFFF (and on control characters), and the scanner writes escapes
/// (`\x`, `\u`, `\U`) as UTF-8 after rejecting surrogates and values above U+10FFFF. So the
/// standard library's second validation of every scalar (`String(decoding:as:)`) is skipped;
/// `ScalarStringsTests` holds libyaml to it on escapes, line breaks and non-ASCII text.
enum ScalarStrings {
    /// A `String` of scalar bytes from libyaml, valid UTF-8 by the guarantee above.
    static func string(libyamlUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 0 else { return "" }
        if #available(macOS 26, *) {
            return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: UTF8Bytes.isASCII(bytes)))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The long scalar texts of a document, so that a text written again (an asset's `origin`,
/// a repeated description) is the same `String`: no allocation, copy or later free. Texts of
/// up to 15 bytes are stored inside the `String` itself and are not kept.
///
/// A direct-mapped table of entries by a hash of the bytes: a text whose entry holds another
/// text replaces it. `YAMLEventReader` makes a small one per document; a caller that reads
/// many documents on one thread may give the reader a larger one of its own, kept from one
/// document to the next, so that texts met in earlier documents are shared too (a table is
/// never used by two threads at once).
public final class ScalarStringTable {
    private struct Entry {
        var hash: UInt64
        var text: String?
    }

    /// The entry count is 2 to this: a hash's top bits pick the entry.
    private let slotBits: Int
    /// Longer texts are made each time: rarely repeated, and each kept one holds memory.
    private static let longestKept = 256
    private let entries: UnsafeMutablePointer<Entry>

    /// A table of 2^`slotBits` entries (7 for one document's; `slotBits` is at most 16).
    public init(slotBits: Int = 7) {
        precondition(slotBits > 0 && slotBits <= 16, "a scalar string table of 2 to 16 bits of entries")
        self.slotBits = slotBits
        entries = .allocate(capacity: 1 << slotBits)
        entries.initialize(repeating: Entry(hash: 0, text: nil), count: 1 << slotBits)
    }

    deinit {
        entries.deinitialize(count: 1 << slotBits)
        entries.deallocate()
    }

    /// The `String` of `bytes` (libyaml's valid UTF-8), the kept one when the same text was
    /// met before.
    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15, bytes.count <= Self.longestKept else {
            return ScalarStrings.string(libyamlUTF8: bytes)
        }
        let hash = Self.hash(bytes)
        let entry = entries + Int(truncatingIfNeeded: hash >> UInt64(64 - slotBits))
        if entry.pointee.hash == hash, let kept = entry.pointee.text, UTF8Bytes.same(kept, bytes) { return kept }
        let made = ScalarStrings.string(libyamlUTF8: bytes)
        entry.pointee = Entry(hash: hash, text: made)
        return made
    }

    /// A 64-bit hash of `bytes`, at least 8 of them: eight bytes at a time, the last eight read
    /// where they end (overlapping the word before), multiplied and folded as in murmur's mixer.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0xff51_afd7_ed55_8ccd
        guard let base = bytes.baseAddress, bytes.count >= 8 else { return 0 }
        let count = bytes.count
        var hash = UInt64(count) &* 0x9e37_79b9_7f4a_7c15
        var index = 0
        while index + 8 < count {
            hash = (hash ^ UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) &* multiplier
            hash ^= hash >> 32
            index += 8
        }
        hash = (hash ^ UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self)) &* multiplier
        return hash ^ (hash >> 29)
    }
}
