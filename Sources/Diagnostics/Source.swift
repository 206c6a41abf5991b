/// The text of one input file with its line starts, shared by every diagnostic that points
/// into it, so errors store a location and snippets are rendered on demand.
public struct Source: Sendable {
    /// The path as the user gave it.
    public let name: String
    public let text: String
    /// UTF-8 offsets at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        var text = text
        self.lineStarts = text.withUTF8(Self.lineStarts(of:))
        self.text = text
    }

    /// Where each line starts: after "\n", after "\r\n" and after a lone "\r". A loop over
    /// the bytes rather than the `String` (rule sets are loaded by every cold `check`).
    static func lineStarts(of bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            if byte == UInt8(ascii: "\n") {
                starts.append(offset)
            } else if byte == UInt8(ascii: "\r") {
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "\n") { offset += 1 }
                starts.append(offset)
            }
        }
        return starts
    }

    /// The text of a 1-based line without its line break, or nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var end = number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number]) : utf8.endIndex
        while end > start {
            let before = utf8.index(before: end)
            let byte = utf8[before]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { break }
            end = before
        }
        return text[start..<end]
    }

    /// The location of a 0-based UTF-8 offset: 1-based line, column in Unicode scalars.
    public func location(ofUTF8Offset offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let utf8 = text.utf8
        let lineStart = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
        let target = utf8.index(utf8.startIndex, offsetBy: min(offset, utf8.count))
        let column = text.unicodeScalars[lineStart..<target].count + 1
        return SourceLocation(file: name, line: low + 1, column: column)
    }
}
