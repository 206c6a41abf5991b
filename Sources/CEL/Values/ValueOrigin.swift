import Diagnostics

/// Where a value came from in an input document: its location and field path. Objects and
/// lists read from a dossier carry one, so findings and evidence can point into the file.
public struct ValueOrigin: Hashable, Sendable {
    public var location: SourceLocation
    /// The field path from the document root, such as `family[0].businesses[1]`.
    public var path: String
    /// Where the value's node ends (exclusive, libyaml's end mark), packed: 0 when unknown.
    /// Kept as two small numbers so an origin, of which a dossier holds one per scalar,
    /// grows by 8 bytes and no second file name.
    private var endLine: Int32 = 0
    private var endColumn: Int32 = 0

    /// `end`, in `location`'s file, is where the value's text ends, so that a finding can
    /// underline the whole node; nil for a point.
    public init(location: SourceLocation, path: String, end: SourceLocation? = nil) {
        self.location = location
        self.path = path
        if let end {
            endLine = Int32(clamping: end.line)
            endColumn = Int32(clamping: end.column)
        }
    }

    /// The same, with the end given as the 1-based numbers a reader's span holds, in
    /// `location`'s file: no second location (and reference to the file name) is made.
    public init(location: SourceLocation, path: String, endLine: Int32, endColumn: Int32) {
        self.location = location
        self.path = path
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// Where the value ends, in the same file; nil when not known.
    public var end: SourceLocation? {
        guard endLine > 0 else { return nil }
        return SourceLocation(file: location.file, line: Int(endLine), column: Int(endColumn))
    }

    /// The same place under another path (a field's full path joined on demand).
    public func with(path: String) -> ValueOrigin {
        var copy = self
        copy.path = path
        return copy
    }
}
