/// One file a rule set load read, and what it was taken for, so that `rules lint` can show
/// that every `.yaml`/`.yml` file of a rule folder was accounted for (none silently skipped).
public struct RuleSetEntry: Sendable, Hashable {
    /// What a file in a rule folder is, by its name and its `format:`.
    public enum Kind: String, Sendable {
        /// `format: rules/1`.
        case rules = "rules/1"
        /// `schema.yaml`, `format: schema/1`.
        case schema = "schema/1"
        /// `calendar.yaml`, `format: calendar/1`.
        case calendar = "calendar/1"
        /// `tests/*.yaml`, `format: rules-test/1`.
        case tests = "rules-test/1"
        /// `tests/base.yaml`, the dossier examples are merged onto.
        case baseDossier = "dossier/1"
        /// A file that could not be read, did not parse, or has a missing or unknown format:
        /// always reported as an error.
        case invalid = "invalid"
    }

    /// The path as it was opened.
    public var path: String
    /// The path relative to its folder.
    public var relativePath: String
    public var kind: Kind
    /// Taken from the shipped folder because the folders given lack it.
    public var shipped: Bool
    /// How many rules the file defines (rule files only).
    public var ruleCount: Int

    public init(path: String, relativePath: String, kind: Kind, shipped: Bool = false, ruleCount: Int = 0) {
        self.path = path
        self.relativePath = relativePath
        self.kind = kind
        self.shipped = shipped
        self.ruleCount = ruleCount
    }
}
