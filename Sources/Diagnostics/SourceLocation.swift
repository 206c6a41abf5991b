/// A point in an input file, the one position model used everywhere in appraise.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars, which is how libyaml
/// counts, so a YAML mark converts without re-reading the line. `offset` is the 0-based
/// UTF-8 byte offset when known (snippets and SARIF regions use it).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path of the file as the user gave it (or as the slate joined it).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals recognise.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A span from `start` to `end` (end exclusive), for SARIF regions and HTML highlights.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// `file:line:column-line:column` (the end exclusive), the start as editors recognise it.
    public var description: String { "\(start)-\(end.line):\(end.column)" }
}
