import Diagnostics

/// An LSP position: 0-based line and UTF-16 code unit on the line (the protocol's default
/// encoding), where appraise counts 1-based lines and Unicode scalars.
public struct Position: Sendable, Hashable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    var json: JSON { ["line": .int(line), "character": .int(character)] }

    init?(_ json: JSON?) {
        // Bounded so that no arithmetic on a hostile position can overflow.
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue,
              (0..<Int(Int32.max)).contains(line), (0..<Int(Int32.max)).contains(character) else { return nil }
        self.init(line: line, character: character)
    }

    public static func < (lhs: Position, rhs: Position) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}

/// The text of an open document with the conversions between LSP positions, appraise
/// locations and UTF-8 offsets.
public struct DocumentText: Sendable {
    public let source: Source

    public init(path: String, text: String) {
        source = Source(name: path, text: text)
    }

    public var text: String { source.text }

    /// The LSP position of a location (clamped to its line).
    public func position(of location: SourceLocation) -> Position {
        let line = max(1, location.line)
        guard let text = source.line(line) else {
            return Position(line: max(0, source.lineStarts.count - 1), character: 0)
        }
        var units = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index >= location.column - 1 { break }
            units += scalar.utf16.count
        }
        return Position(line: line - 1, character: units)
    }

    /// The 1-based location of an LSP position, nil past the end of the text.
    public func location(of position: Position) -> SourceLocation? {
        guard let text = source.line(position.line + 1) else { return nil }
        var units = 0
        var column = 1
        for scalar in text.unicodeScalars {
            if units >= position.character { break }
            units += scalar.utf16.count
            column += 1
        }
        return SourceLocation(file: source.name, line: position.line + 1, column: column)
    }

    /// The UTF-8 offset of an LSP position, nil past the end of the text.
    public func utf8Offset(of position: Position) -> Int? {
        guard position.line < source.lineStarts.count, let text = source.line(position.line + 1) else { return nil }
        var offset = source.lineStarts[position.line]
        var units = 0
        for scalar in text.unicodeScalars {
            if units >= position.character { break }
            units += scalar.utf16.count
            offset += scalar.utf8.count
        }
        return offset
    }

    /// The LSP position of a UTF-8 offset.
    public func position(ofUTF8Offset offset: Int) -> Position {
        position(of: source.location(ofUTF8Offset: offset))
    }

    /// The range a diagnostic at `location` underlines: the word that starts there (letters,
    /// digits, `_`, `-`, `.`), else one character, never past the line's end.
    public func wordRange(at location: SourceLocation) -> (Position, Position) {
        let start = position(of: location)
        guard let line = source.line(max(1, location.line)) else { return (start, start) }
        let scalars = Array(line.unicodeScalars)
        var index = max(0, location.column - 1)
        guard index < scalars.count else { return (start, start) }
        var units = start.character
        let isWord: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0) }
        if isWord(scalars[index]) {
            while index < scalars.count, isWord(scalars[index]) {
                units += scalars[index].utf16.count
                index += 1
            }
        } else {
            units += scalars[index].utf16.count
        }
        return (start, Position(line: start.line, character: units))
    }
}

extension JSON {
    /// An LSP `Range`.
    static func range(_ start: Position, _ end: Position) -> JSON {
        ["start": start.json, "end": end.json]
    }
}
