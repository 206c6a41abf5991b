/// How bad a diagnostic is. A `warning` never makes an input invalid.
public enum DiagnosticSeverity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// A problem found in an input file: a value with a stable code and a location, never a
/// string glued together, so that JSON, SARIF and tests can all read it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable machine code such as `yaml.duplicate-key` or `cel.undefined-field`.
    public var code: String
    public var severity: DiagnosticSeverity
    /// A plain sentence for people, without the location or the code.
    public var message: String
    /// Where it is; nil only for problems with no file (a bad command line).
    public var location: SourceLocation?
    /// Where the offending text ends (exclusive), so an editor or the text output can mark the
    /// whole of it; nil for a point.
    public var end: SourceLocation?
    /// The field path in the document, such as `family[2].businesses[0].stake`.
    public var path: String?
    /// Further locations that explain it ("first defined here").
    public var notes: [Note]

    /// A secondary message with its own location.
    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public init(
        code: String, severity: DiagnosticSeverity = .error, message: String,
        location: SourceLocation?, path: String? = nil, notes: [Note] = [], end: SourceLocation? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.end = end
        self.path = path
        self.notes = notes
    }

    /// `file:line:column: error: message [code]`, the form of `details.md` §21.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message) [\(code)]"
        return text
    }
}

extension Diagnostic: Comparable {
    /// Sorted by file, line, column, then severity and code, so that output is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return true
        case (_?, nil): return false
        default: break
        }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.message < rhs.message
    }
}
