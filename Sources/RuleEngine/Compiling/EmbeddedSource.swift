import Diagnostics
import YAML

/// An expression embedded in a YAML scalar, with the way back from a UTF-8 offset in the text
/// the CEL compiler sees to the rule file's line and column.
///
/// Plain and `|`/`>` block scalars are compiled from their raw bytes in the file (indentation
/// and line breaks kept, which CEL reads as white space), so offsets map one to one, as cel-go's
/// `policy/source.go` `RelativeSource` does. A quoted scalar without escapes maps one to one
/// after its opening quote; one with escapes compiles its value and maps line by line.
public struct EmbeddedSource: Sendable {
    /// The text to compile.
    public let text: String
    let mapping: Mapping

    enum Mapping: Sendable {
        /// `text` is the bytes of `file` from `base` on: offsets map exactly.
        case raw(Source, base: Int)
        /// `text` starts at `line`:`column`; later lines start at `nextColumn`.
        case lines(file: String, line: Int, column: Int, nextColumn: Int)
    }

    /// The expression as the compiler should see it, for a scalar node of `source`.
    public static func expression(_ node: Node, in source: Source) -> EmbeddedSource {
        guard let scalar = node.scalar else { return value(node, in: source) }
        let start = source.utf8Offset(of: node.start)
        let end = source.utf8Offset(of: node.end)
        guard let start, let end, start <= end else { return value(node, in: source) }
        switch scalar.style {
        case .plain:
            return EmbeddedSource(text: source.slice(start, end), mapping: .raw(source, base: start))
        case .singleQuoted, .doubleQuoted:
            let inner = end - start >= 2 ? source.slice(start + 1, end - 1) : ""
            guard inner == scalar.text else { return value(node, in: source) }
            return EmbeddedSource(text: inner, mapping: .raw(source, base: start + 1))
        case .literal, .folded:
            let body = source.lineStarts.first { $0 > start } ?? end
            let raw = body < end ? source.slice(body, end) : ""
            return EmbeddedSource(text: trimmedBlock(raw), mapping: .raw(source, base: body))
        }
    }

    /// The scalar's value (what YAML reads), with offsets mapped line by line; used for
    /// message templates, whose text is printed as the value reads.
    public static func value(_ node: Node, in source: Source) -> EmbeddedSource {
        let text = node.scalar?.text ?? ""
        let start = node.start
        switch node.scalar?.style {
        case .singleQuoted?, .doubleQuoted?:
            return EmbeddedSource(
                text: text,
                mapping: .lines(file: start.file, line: start.line, column: start.column + 1,
                                nextColumn: start.column + 1))
        case .literal?, .folded?:
            let indent = blockIndent(after: start.line, in: source)
            return EmbeddedSource(
                text: text,
                mapping: .lines(file: start.file, line: start.line + 1, column: indent + 1,
                                nextColumn: indent + 1))
        default:
            return EmbeddedSource(
                text: text,
                mapping: .lines(file: start.file, line: start.line, column: start.column,
                                nextColumn: start.column))
        }
    }

    /// A source for text not read from a file (tests, `appraise eval`).
    public static func detached(_ text: String, at location: SourceLocation) -> EmbeddedSource {
        EmbeddedSource(
            text: text,
            mapping: .lines(file: location.file, line: location.line, column: location.column,
                            nextColumn: location.column))
    }

    /// The file location of a UTF-8 offset into `text` (clamped to the text).
    public func location(ofUTF8Offset offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, text.utf8.count))
        switch mapping {
        case .raw(let source, let base):
            return source.location(ofUTF8Offset: base + offset)
        case .lines(let file, let line, let column, let nextColumn):
            var lineNumber = line
            var columnNumber = column
            var consumed = 0
            for scalar in text.unicodeScalars {
                if consumed >= offset { break }
                consumed += scalar.utf8.count
                if scalar == "\n" {
                    lineNumber += 1
                    columnNumber = nextColumn
                } else {
                    columnNumber += 1
                }
            }
            return SourceLocation(file: file, line: lineNumber, column: columnNumber)
        }
    }

    /// The file's 1-based line `number` as written, when this text is the file's own bytes;
    /// nil when it was read as a value (its text is not the file's) or not from a file.
    public func fileLine(_ number: Int) -> Substring? {
        guard case .raw(let source, _) = mapping else { return nil }
        return source.line(number)
    }

    /// The part of this source from UTF-8 offset `range.lowerBound` to `range.upperBound`,
    /// mapping into the same file (for `{{ }}` segments of a template).
    public func segment(_ range: Range<Int>) -> EmbeddedSource {
        let utf8 = Array(text.utf8)
        let lower = max(0, min(range.lowerBound, utf8.count))
        let upper = max(lower, min(range.upperBound, utf8.count))
        let piece = String(decoding: utf8[lower..<upper], as: UTF8.self)
        switch mapping {
        case .raw(let source, let base):
            return EmbeddedSource(text: piece, mapping: .raw(source, base: base + lower))
        case .lines(let file, _, _, let nextColumn):
            let start = location(ofUTF8Offset: lower)
            return EmbeddedSource(
                text: piece,
                mapping: .lines(file: file, line: start.line, column: start.column, nextColumn: nextColumn))
        }
    }

    /// Drops trailing lines that are blank or less indented than the block (comments after
    /// the scalar that libyaml's end mark may include).
    private static func trimmedBlock(_ raw: String) -> String {
        var lines = raw.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = lines.first { !$0.allSatisfy(\.isWhitespace) }.map(leadingSpaces) ?? 0
        while let last = lines.last, last.allSatisfy(\.isWhitespace) || leadingSpaces(last) < indent {
            lines.removeLast()
        }
        return lines.joined(separator: "\n")
    }

    private static func leadingSpaces(_ line: Substring) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// The indentation of the first non-blank line after a block scalar's header line.
    private static func blockIndent(after line: Int, in source: Source) -> Int {
        var number = line + 1
        while let text = source.line(number) {
            if !text.allSatisfy(\.isWhitespace) { return leadingSpaces(text) }
            number += 1
        }
        return 0
    }
}

extension Source {
    /// The UTF-8 offset of a 1-based line and scalar column, nil when outside the text.
    func utf8Offset(of location: SourceLocation) -> Int? {
        guard location.line >= 1, location.line <= lineStarts.count else { return nil }
        let lineStart = lineStarts[location.line - 1]
        let utf8 = text.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: lineStart)
        var offset = lineStart
        let scalars = text.unicodeScalars
        for _ in 1..<max(1, location.column) {
            guard index < utf8.endIndex else { return offset }
            let next = scalars.index(after: index)
            offset += utf8.distance(from: index, to: next)
            index = next
        }
        return offset
    }

    /// The text between two UTF-8 offsets.
    func slice(_ start: Int, _ end: Int) -> String {
        let bytes = text.utf8
        let lower = bytes.index(bytes.startIndex, offsetBy: start)
        let upper = bytes.index(bytes.startIndex, offsetBy: end)
        return String(text[lower..<upper])
    }
}
