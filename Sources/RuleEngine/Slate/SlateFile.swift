import CEL
import Diagnostics
import YAML

/// A congress slate (format `slate/1`): the committee, the evaluation date and the dossier
/// patterns. Slate rules see `value` as `slate`.
public struct SlateFile: Sendable {
    /// One entry of `candidates:`, a path or glob relative to the slate file's folder.
    public struct CandidatePattern: Sendable, Hashable {
        public var text: String
        /// Where the entry is written, for "matches no file" diagnostics.
        public var location: SourceLocation

        public init(text: String, location: SourceLocation) {
            self.text = text
            self.location = location
        }
    }

    public let file: String
    /// `sha256:<hex>` of the bytes, when read from bytes.
    public let digest: String?
    /// The `slate` mapping.
    public let value: ObjectValue
    /// The whole validated file (`format`, `slate`, `candidates`).
    public let root: ObjectValue
    public let committee: String
    public let level: String
    /// The default evaluation date (`as_of`).
    public let congressDate: CivilDate
    public let candidatePatterns: [CandidatePattern]
    /// The entries of `decisions:` (review decision files, `decisions.md`), same form.
    public var decisionPatterns: [CandidatePattern] = []
}

/// Reads and validates slate files against the schema's slate record.
public enum SlateFileLoader {
    /// Reads slate bytes; nil with the diagnostics when the file is invalid. Warnings come
    /// back with a loaded slate too.
    public static func load(
        bytes: [UInt8], file: String, schema: Schema, limits: YAMLLimits = .default,
        options: ValidationOptions = ValidationOptions()
    ) -> (SlateFile?, [Diagnostic]) {
        let document = YAMLLoader.load(bytes: bytes, file: file, limits: limits)
        let validated = DossierLoader.validate(document, file: file, schema: schema, kind: .slate, options: options)
        guard let value = validated.value, let root = document.root else { return (nil, validated.diagnostics) }
        return (slate(value, root: root, file: file, digest: sha256Digest(bytes)), validated.diagnostics)
    }

    /// Validates an already parsed tree (tests, examples).
    public static func load(
        _ root: Node?, file: String, schema: Schema, options: ValidationOptions = ValidationOptions()
    ) -> (SlateFile?, [Diagnostic]) {
        let validated = schema.validate(root, as: .slate, file: file, options: options)
        guard let value = validated.value, let root else { return (nil, validated.diagnostics) }
        return (slate(value, root: root, file: file, digest: nil), validated.diagnostics)
    }

    /// The facts of a validated slate file; the schema makes them required, so a schema
    /// without them yields nil.
    static func slate(_ value: ObjectValue, root: Node, file: String, digest: String?) -> SlateFile? {
        guard let slate = value.field("slate")?.objectValue,
            let committee = slate.field("committee")?.stringValue,
            let level = slate.field("level")?.stringValue,
            case .date(let congressDate)? = slate.field("congress_date")
        else { return nil }
        func patterns(_ key: String) -> [SlateFile.CandidatePattern] {
            (root[key]?.sequence ?? []).compactMap { node in
                node.scalar.map { SlateFile.CandidatePattern(text: $0.text, location: node.start) }
            }
        }
        var file = SlateFile(
            file: file, digest: digest, value: slate, root: value, committee: committee, level: level,
            congressDate: congressDate, candidatePatterns: patterns("candidates"))
        file.decisionPatterns = patterns("decisions")
        return file
    }
}
