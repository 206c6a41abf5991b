import Diagnostics

/// Everything the screening learned about one dossier file, ready for any report format.
public struct CandidateResult: Hashable, Sendable {
    /// The path as given, or the slate's folder joined with the entry.
    public var file: String
    /// `sha256:<hex>` of the bytes read; nil when the file could not be read at all.
    public var digest: String?
    /// `candidate.id` and `candidate.name`; nil when unreadable.
    public var id: String?
    public var name: String?
    public var verdict: Verdict
    /// Sorted in report order.
    public var findings: [Finding]
    /// Read and validation diagnostics, warnings included.
    public var errors: [Diagnostic]

    public init(
        file: String, digest: String?, id: String?, name: String?, verdict: Verdict,
        findings: [Finding], errors: [Diagnostic]
    ) {
        self.file = file
        self.digest = digest
        self.id = id
        self.name = name
        self.verdict = verdict
        self.findings = findings
        self.errors = errors
    }
}
