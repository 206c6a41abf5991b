import Diagnostics

/// Where a field's value stands in its record's file: start and end, line and column, and
/// nothing else. A record keeps one per written field (a dossier has hundreds); the file and
/// the path are the record's and the field's, so an origin is made from it only when asked.
/// Sixteen bytes that need no reference counting, where a `ValueOrigin` holds two strings.
public struct ValuePosition: Hashable, Sendable {
    public let line: Int32
    public let column: Int32
    /// 0 when the end is not known.
    public let endLine: Int32
    public let endColumn: Int32

    /// 1-based numbers; `endLine` 0 when the end is not known.
    public init(line: Int32, column: Int32, endLine: Int32, endColumn: Int32) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// `start` and `end` as a reader marks them; numbers past `Int32` are clamped (a file
    /// has no two billion lines).
    public init(start: SourceLocation, end: SourceLocation?) {
        line = Int32(clamping: start.line)
        column = Int32(clamping: start.column)
        endLine = end.map { Int32(clamping: $0.line) } ?? 0
        endColumn = end.map { Int32(clamping: $0.column) } ?? 0
    }

    /// The position of `origin`; nil when its start does not fit.
    init?(_ origin: ValueOrigin) {
        guard let line = Int32(exactly: origin.location.line), let column = Int32(exactly: origin.location.column)
        else { return nil }
        self.init(start: SourceLocation(file: "", line: Int(line), column: Int(column)), end: origin.end)
    }

    /// The origin this position stands for, in `file` under `path`.
    public func origin(in file: String, path: String) -> ValueOrigin {
        let end = endLine > 0 ? SourceLocation(file: file, line: Int(endLine), column: Int(endColumn)) : nil
        return ValueOrigin(
            location: SourceLocation(file: file, line: Int(line), column: Int(column)), path: path, end: end)
    }
}
