import Diagnostics

/// The result of loading one YAML file: the tree (when there is one) and every problem found.
///
/// Loading never throws: a document with errors still carries what could be read, so that a
/// single run can report every duplicate key or bad tag at once.
public struct YAMLDocument: Sendable {
    /// The root node; nil when the stream is empty (or only comments) or a fatal error
    /// (syntax, encoding or a limit) stopped parsing.
    public var root: Node?
    /// Every problem found, in document order; duplicate keys, merge keys and bad tags do not
    /// stop parsing. Capped at `DiagnosticList.defaultCap`; see `droppedDiagnostics`.
    public var diagnostics: [Diagnostic]
    /// How many diagnostics were dropped past the cap (a file with thousands of duplicates).
    public var droppedDiagnostics: Int

    public init(root: Node?, diagnostics: [Diagnostic], droppedDiagnostics: Int = 0) {
        self.root = root
        self.diagnostics = diagnostics
        self.droppedDiagnostics = droppedDiagnostics
    }

    /// Whether any diagnostic is an error, which makes the file unusable.
    public var hasErrors: Bool {
        droppedDiagnostics > 0 || diagnostics.contains { $0.severity == .error }
    }
}
