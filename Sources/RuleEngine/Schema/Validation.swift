import CEL
import Diagnostics
import YAML

/// How strictly documents are validated (`--strict`).
public struct ValidationOptions: Sendable, Hashable {
    /// Unknown fields are errors instead of warnings.
    public var strict = false

    public init(strict: Bool = false) {
        self.strict = strict
    }
}

/// A validated document: its typed value, and every diagnostic (warnings included).
public struct Validated: Sendable {
    /// The root record; nil when any diagnostic is an error.
    public var value: ObjectValue?
    /// Sorted by location.
    public var diagnostics: [Diagnostic]

    public init(value: ObjectValue?, diagnostics: [Diagnostic]) {
        self.value = value
        self.diagnostics = diagnostics
    }
}

extension Schema {
    /// Validates a document tree against the root record of `kind` and builds its value.
    ///
    /// Every problem is reported in one run (up to `DiagnosticList.defaultCap`), each with the
    /// location of the offending value (of the key for an unknown field, of the parent mapping
    /// for a missing required field) and its field path. A document whose `format` is not the
    /// expected one is reported with that one error only: its other fields mean nothing here.
    public func validate(_ root: Node?, as kind: DocumentKind, file: String, options: ValidationOptions) -> Validated {
        let position = rootPosition(of: kind)
        guard let root else {
            let record = records[position]
            let formatSpec = record.fields.first { $0.const != nil }
            let expected = formatSpec?.const.map { "a \($0) document" } ?? "a \(record.name) mapping"
            return Validated(value: nil, diagnostics: [SchemaMessages.empty(file: file, expected: expected)])
        }
        var validator = DocumentValidator(schema: self, strict: options.strict, source: NodeEventSource(root))
        return validator.document(record: position)
    }

    /// Validates the YAML bytes of a file named `file` as `kind` straight from libyaml's
    /// events, with no tree: the same typing, values and diagnostics as loading the file with
    /// `YAMLLoader` and validating the tree. Nil when the file needs the tree loader: any YAML
    /// problem (syntax, a limit, several documents), an anchor, alias or tag, or a key that
    /// might be a duplicate (an unknown or repeated field, a merge key `<<`) — then the caller
    /// loads the tree, which reports the YAML problems as before.
    public func validate(
        bytes: UnsafeRawBufferPointer, file: String, limits: YAMLLimits, as kind: DocumentKind,
        options: ValidationOptions
    ) -> Validated? {
        let position = rootPosition(of: kind)
        // Paths and long texts recur from one document to the next: this thread's tables make
        // each once.
        let tables = ThreadTables.forThread(root: plans[position])
        defer { tables?.release() }
        return YAMLEventReader.read(bytes: bytes, file: file, limits: limits, strings: tables?.texts) {
            reader throws(YAMLEventReader.Fallback) in
            var validator = DocumentValidator(schema: self, strict: options.strict, source: reader, paths: tables?.paths)
            return try validator.document(record: position)
        }
    }
}
