import Diagnostics

/// A file read while loading a rule set, kept as bytes for the loader that owns its format.
public struct LoadedFile: Sendable, Hashable {
    /// The path as it was opened.
    public var path: String
    /// The path relative to its folder (what the digest hashes).
    public var relativePath: String
    public var bytes: [UInt8]

    public init(path: String, relativePath: String, bytes: [UInt8]) {
        self.path = path
        self.relativePath = relativePath
        self.bytes = bytes
    }
}

/// Everything `--rules PATH...` selects (`details.md` §15): the rule files in load order, the
/// schema and calendar files, the test files and base dossier, the digest and count, and every
/// problem found while loading.
public struct RuleSet: Sendable {
    public var files: [RuleFile]
    /// Every rule of every file, in load order (`Rule.order` is the index here).
    public var rules: [Rule]
    /// `schema.yaml`, from the first folder that has one, else the shipped one.
    public var schema: LoadedFile?
    /// `calendar.yaml`, likewise.
    public var calendar: LoadedFile?
    /// `tests/base.yaml`, the valid dossier examples are merged onto.
    public var baseDossier: LoadedFile?
    /// `tests/*.yaml` files other than `base.yaml` (format `rules-test/1`).
    public var testFiles: [LoadedFile]
    /// `sha256:` + hex of SHA-256 over the sorted (relative path, bytes) of the files loaded.
    public var digest: String
    /// Every file read, in the order read, with what it was taken for (`rules lint` lists them).
    public var entries: [RuleSetEntry]
    public var diagnostics: [Diagnostic]

    /// `rules.count`: candidate and slate rules.
    public var count: Int { rules.count }
    public var candidateRules: [Rule] { rules.filter { $0.scope == .candidate } }
    public var slateRules: [Rule] { rules.filter { $0.scope == .slate } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The rule with this id.
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }
}
