/// Tells a slate or decisions file from a dossier without parsing: a top-level `format:` line.
public enum SlateFileSniffer {
    /// The formats that sit beside dossiers but are not dossiers.
    public static let skipped: Set<String> = ["slate/1", "decisions/1"]

    public static func isSlateFile(_ bytes: [UInt8]) -> Bool {
        format(bytes) == "slate/1"
    }

    /// The value of the first top-level `format:` line, nil when there is none: the text
    /// after the colon, cut at ` #`, with spaces, tabs and quotes trimmed from both ends.
    /// Works on the bytes (every dossier of a folder passes here before it is parsed).
    public static func format(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            var lineStart = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != 0x0A, buffer[lineEnd] != 0x0D { lineEnd += 1 }
                if buffer[lineStart..<lineEnd].starts(with: prefix) {
                    return value(buffer[(lineStart + prefix.count)..<lineEnd])
                }
                lineStart = lineEnd + 1
            }
            return nil
        }
    }

    private static let prefix = Array("format:".utf8)

    /// The text of a `format:` line's value: up to the first ` #`, trimmed.
    private static func value(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var end = line.startIndex
        while end < line.endIndex, !(line[end] == 0x20 && end + 1 < line.endIndex && line[end + 1] == 0x23) { end += 1 }
        var start = line.startIndex
        while start < end, isTrimmed(line[start]) { start += 1 }
        while end > start, isTrimmed(line[end - 1]) { end -= 1 }
        return String(decoding: line[start..<end], as: UTF8.self)
    }

    /// Space, tab and both quotes.
    private static func isTrimmed(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x27 || byte == 0x22
    }
}
