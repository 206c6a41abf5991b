import Foundation

/// The key under which names (and sectors) are compared: Unicode NFC, full Unicode lower
/// case, trimmed, and each run of Unicode white space (NBSP, tabs, U+3000 ...) made one
/// ASCII space.
///
/// Why: dossiers are typed on different machines, so the same Vietnamese name arrives
/// composed or decomposed, in capitals or not, with stray spaces. Diacritics still count
/// (Bách ≠ Bạch) and Đ stays a letter of its own (đ, never d): they tell people apart.
///
/// NFC comes from Foundation's `precomposedStringWithCanonicalMapping`, because Swift 6.3's
/// standard library has no public normalization API; input that is certainly NFC already
/// (see `isCertainlyComposed`) skips it, which is what keeps slate pair rules cheap.
public func nameKey(_ s: String) -> String {
    if let key = composedNameKey(s) { return key }
    let lowered = s.lowercased()
    let composed = isCertainlyComposed(lowered) ? lowered : lowered.precomposedStringWithCanonicalMapping
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in composed.unicodeScalars {
        if isSpace(scalar.value) {
            pendingSpace = !result.isEmpty
            continue
        }
        if pendingSpace {
            result.append(" ")
            pendingSpace = false
        }
        result.append(scalar)
    }
    return String(result)
}

/// `nameKey` in one pass, for text whose lower case is certainly NFC (see
/// `isCertainlyComposed`): each scalar is lowered as `lowercased()` lowers it, one scalar at
/// a time, and spaces are folded on the way. Nil for other text, which takes the full path.
/// Rules call `name_key` for every name of every dossier, so this is a hot path.
private func composedNameKey(_ s: String) -> String? {
    if isASCIIKey(s) { return s }
    // The key is written into a temporary buffer (on the stack for a name), then copied once
    // into its string: no array of bytes grown and freed. A key longer than the buffer (no
    // name of the ranges this path takes comes near) takes the full path instead. The text is
    // read as UTF-8 bytes, each scalar decoded here: iterating `unicodeScalars` costs several
    // times as much per letter.
    let capacity = s.utf8.count &* 3 &+ 16
    let table = LatinLowercase.table
    let key = s.utf8.withContiguousStorageIfAvailable { source -> String? in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer -> String? in
            var bytes = KeyBytes(buffer: buffer)
            var pendingSpace = false
            var index = 0
            while index < source.count {
                let value = decodeScalar(source, at: &index)
                if isSpace(value) {
                    pendingSpace = bytes.count > 0
                    continue
                }
                if pendingSpace {
                    guard bytes.append(0x20) else { return nil }
                    pendingSpace = false
                }
                if value < 0x80 {
                    let byte = UInt8(truncatingIfNeeded: value)
                    guard bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) else { return nil }
                    continue
                }
                if let lowered = LatinLowercase.lowered(value, in: table) {
                    guard bytes.appendUTF8(lowered) else { return nil }
                    continue
                }
                guard let scalar = Unicode.Scalar(value) else { return nil }
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                    guard lowered.value < 0x300 || (0x1E00...0x1EFF).contains(lowered.value) else { return nil }
                    guard bytes.appendUTF8(lowered.value) else { return nil }
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<bytes.count]), as: UTF8.self)
        }
    }
    return key ?? nil
}

/// The scalar value whose UTF-8 starts at `index` in `bytes` (a `String`'s, so valid), and
/// `index` moved past it.
@inline(__always)
private func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32 {
    let lead = UInt32(bytes[index])
    if lead < 0x80 {
        index &+= 1
        return lead
    }
    if lead < 0xE0 {
        defer { index &+= 2 }
        return (lead & 0x1F) << 6 | UInt32(bytes[index &+ 1] & 0x3F)
    }
    if lead < 0xF0 {
        defer { index &+= 3 }
        return (lead & 0x0F) << 12 | UInt32(bytes[index &+ 1] & 0x3F) << 6 | UInt32(bytes[index &+ 2] & 0x3F)
    }
    defer { index &+= 4 }
    return (lead & 0x07) << 18 | UInt32(bytes[index &+ 1] & 0x3F) << 12 | UInt32(bytes[index &+ 2] & 0x3F) << 6
        | UInt32(bytes[index &+ 3] & 0x3F)
}

/// The bytes of a key being written into a fixed buffer; an append that does not fit says so.
private struct KeyBytes {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    @inline(__always)
    mutating func append(_ byte: UInt8) -> Bool {
        guard count < buffer.count else { return false }
        buffer[count] = byte
        count &+= 1
        return true
    }

    /// The UTF-8 of a scalar value below U+10000.
    @inline(__always)
    mutating func appendUTF8(_ value: UInt32) -> Bool {
        guard count &+ 3 <= buffer.count else { return false }
        if value < 0x80 {
            buffer[count] = UInt8(value)
            count &+= 1
        } else if value < 0x800 {
            buffer[count] = UInt8(0xC0 | (value >> 6))
            buffer[count &+ 1] = UInt8(0x80 | (value & 0x3F))
            count &+= 2
        } else {
            buffer[count] = UInt8(0xE0 | (value >> 12))
            buffer[count &+ 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
            buffer[count &+ 2] = UInt8(0x80 | (value & 0x3F))
            count &+= 3
        }
        return true
    }
}

/// The lower case of the letters of Latin-1 Supplement, Latin Extended-A and -B (U+0080–U+024F)
/// and Latin Extended Additional (U+1E00–U+1EFF, the Vietnamese letters), read from a table:
/// `properties.lowercaseMapping` makes a `String` and looks the scalar up for every letter of
/// every name, and names are most of what `name_key` sees. The table is that same mapping,
/// worked out once, for the scalars it maps to one scalar in `composedNameKey`'s ranges; any
/// other (İ lowers to two scalars) still goes through the mapping.
private enum LatinLowercase {
    static let table: [UInt32] = (Array(0x80..<0x250) + Array(0x1E00...0x1EFF)).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        guard mapping.count == 1, let only = mapping.first,
            only.value < 0x300 || (0x1E00...0x1EFF).contains(only.value)
        else { return 0 }
        return only.value
    }

    /// The one scalar the scalar `value` lowers to, when the table holds it. `table` is
    /// `LatinLowercase.table`, read once by the caller: each read of a `static let` checks
    /// that it was initialised (a call).
    @inline(__always)
    static func lowered(_ value: UInt32, in table: [UInt32]) -> UInt32? {
        let index: Int
        if value >= 0x80 && value < 0x250 {
            index = Int(value - 0x80)
        } else if value >= 0x1E00 && value <= 0x1EFF {
            index = 0x250 - 0x80 + Int(value - 0x1E00)
        } else {
            return nil
        }
        let lowered = table[index]
        return lowered == 0 ? nil : lowered
    }
}

/// Whether `s` is ASCII and already its own key: no capital letter, and no white space but
/// single spaces between words. Such text (sectors, codes) is returned as it is, with no copy.
private func isASCIIKey(_ s: String) -> Bool {
    let answer = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
        var afterSpace = true  // a leading space is trimmed, so text starting with one is no key
        for byte in bytes {
            if byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x09 && byte <= 0x0D) { return false }
            if byte == 0x20 {
                if afterSpace { return false }
                afterSpace = true
            } else {
                afterSpace = false
            }
        }
        return !afterSpace || bytes.isEmpty
    }
    return answer ?? false
}

/// True when every scalar is below U+0300 (Latin, no combining marks) or a precomposed letter
/// of Latin Extended Additional (U+1E00–U+1EFF, where Vietnamese letters live): such text is
/// in NFC, since none of these scalars decomposes into or composes with anything before it.
private func isCertainlyComposed(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) }
}

/// Unicode White_Space, with the ASCII cases answered without a property lookup.
/// The letters of Latin, Vietnamese included, are answered without one too: White_Space has
/// nothing from U+00A1 to U+1FFF but U+1680 (see `NameKeyTests.noWhiteSpaceInTheSkippedRanges`).
private func isSpace(_ value: UInt32) -> Bool {
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    if (0xA1...0x1FFF).contains(value) { return value == 0x1680 }
    return Unicode.Scalar(value)?.properties.isWhitespace ?? false
}
