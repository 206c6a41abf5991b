internal import CLibYAML
import Diagnostics

/// Converts libyaml's 0-based marks to `SourceLocation`s: the one place where that happens.
///
/// libyaml counts columns in Unicode scalars, as `SourceLocation` does, so the conversion is
/// only the shift to 1-based numbers. It holds one file-name `String` that every location
/// shares, so building a tree does not copy the name per node.
struct MarkConverter {
    let file: String

    /// The 1-based location of a libyaml mark.
    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// The span of a node from libyaml's start and end marks, converted the same way.
    /// Inline: the tree builder asks for the span of every node.
    @inline(__always)
    func span(_ start: yaml_mark_t, _ end: yaml_mark_t) -> Node.Span {
        Node.Span(zeroBasedStartLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column)
    }

    /// The location of line 1, column 1, for problems with the file as a whole.
    var fileStart: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    /// The location of a 0-based byte offset into `bytes`, for libyaml's reader errors, which
    /// carry an offset and no mark. Counts LF, CR and CRLF as line ends, and UTF-8 lead bytes
    /// as columns, the way libyaml's marks count. An offset inside a broken multi-byte sequence
    /// (libyaml points at the bad trailing byte) is moved back to the sequence's first byte,
    /// which is where an editor shows the broken character.
    func location(ofOffset offset: Int, in bytes: UnsafeRawBufferPointer) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        let end = Self.startOfBrokenSequence(at: min(offset, bytes.count), in: bytes)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte != 0x0D && byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The index of the lead byte of an unfinished UTF-8 sequence that `offset` falls into, or
    /// `offset` itself when it does not fall into one.
    private static func startOfBrokenSequence(at offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var lead = offset - 1
        while lead >= 0, offset - lead <= 3, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard lead >= 0, bytes[lead] >= 0xC0 else { return offset }
        let length = bytes[lead] >= 0xF0 ? 4 : bytes[lead] >= 0xE0 ? 3 : 2
        return offset - lead < length ? lead : offset
    }
}
