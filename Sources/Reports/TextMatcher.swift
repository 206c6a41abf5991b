/// Replaces every occurrence of a set of strings in one left-to-right pass, longest match
/// first, so that a pseudonym already written is never matched again (a value `1` cannot
/// rewrite the `1` of `PERSON-1`) and `Nguyễn Văn An` wins over a value `An`.
///
/// Matching is on UTF-8 bytes: every needle is valid UTF-8, so a match always starts and ends
/// on a scalar boundary.
struct TextMatcher {
    /// Needles by their first byte, longest first.
    private let byFirstByte: [UInt8: [(bytes: [UInt8], pseudonym: String)]]

    init(_ needles: [Needle]) {
        var table: [UInt8: [(bytes: [UInt8], pseudonym: String)]] = [:]
        for needle in needles {
            let bytes = Array(needle.text.utf8)
            guard let first = bytes.first else { continue }
            table[first, default: []].append((bytes, needle.pseudonym))
        }
        for key in table.keys { table[key]?.sort { $0.bytes.count > $1.bytes.count } }
        byFirstByte = table
    }

    /// `text` with every needle replaced by its pseudonym.
    func replace(_ text: String) -> String {
        if byFirstByte.isEmpty { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var changed = false
        while index < bytes.count {
            if let candidates = byFirstByte[bytes[index]],
                let match = candidates.first(where: { Self.matches($0.bytes, in: bytes, at: index) })
            {
                output.append(contentsOf: match.pseudonym.utf8)
                index += match.bytes.count
                changed = true
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    private static func matches(_ needle: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + needle.count <= bytes.count else { return false }
        for offset in 0..<needle.count where bytes[index + offset] != needle[offset] { return false }
        return true
    }
}
