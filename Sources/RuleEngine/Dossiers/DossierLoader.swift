import Diagnostics
import YAML

/// The outcome of reading one dossier file.
public enum DossierLoad: Sendable {
    /// Valid; `warnings` holds non-fatal diagnostics (unknown fields without `--strict`).
    case loaded(Dossier, warnings: [Diagnostic])
    /// Unreadable or invalid: every diagnostic, sorted by location. `digest` is set when the
    /// bytes were read; `id` and `name` when `candidate.id`/`candidate.name` could be read.
    case invalid(digest: String?, id: String?, name: String?, diagnostics: [Diagnostic])
}

/// Reads dossier bytes into a validated `Dossier`: YAML, then schema validation, reporting
/// the YAML problems (duplicate keys, bad tags) and the schema problems together.
public enum DossierLoader {
    /// Types the bytes straight from libyaml's events; a file that is invalid, or that the
    /// event reader leaves to the tree (see `Schema.validate(bytes:...)`), is loaded again as a
    /// tree, which gives its YAML diagnostics and the identity an invalid dossier reports.
    public static func load(
        bytes: [UInt8], file: String, schema: Schema, limits: YAMLLimits = .default,
        options: ValidationOptions = ValidationOptions()
    ) -> DossierLoad {
        let typed = bytes.withUnsafeBytes {
            schema.validate(bytes: $0, file: file, limits: limits, as: .dossier, options: options)
        }
        if let typed, let value = typed.value {
            return .loaded(Dossier(file: file, digest: sha256Digest(bytes), value: value), warnings: typed.diagnostics)
        }
        return load(YAMLLoader.load(bytes: bytes, file: file, limits: limits), bytes: bytes, file: file, schema: schema,
                    options: options)
    }

    /// The same, for a document already parsed from `bytes` (so a caller that looked at the
    /// YAML first does not parse it twice).
    public static func load(
        _ document: YAMLDocument, bytes: [UInt8], file: String, schema: Schema,
        options: ValidationOptions = ValidationOptions()
    ) -> DossierLoad {
        let digest = sha256Digest(bytes)
        let validated = validate(document, file: file, schema: schema, options: options)
        if !document.hasErrors, let value = validated.value {
            return .loaded(Dossier(file: file, digest: digest, value: value), warnings: validated.diagnostics)
        }
        let identity = candidateIdentity(document.root)
        return .invalid(digest: digest, id: identity.id, name: identity.name, diagnostics: validated.diagnostics)
    }

    /// Validates a loaded YAML document as `kind`, merging the YAML diagnostics in; a document
    /// with no tree (a syntax error, a limit) reports only the YAML problems.
    static func validate(
        _ document: YAMLDocument, file: String, schema: Schema, kind: DocumentKind = .dossier,
        options: ValidationOptions
    ) -> Validated {
        if document.root == nil, document.hasErrors {
            return Validated(value: nil, diagnostics: document.diagnostics.sorted())
        }
        var validated = schema.validate(document.root, as: kind, file: file, options: options)
        if !document.diagnostics.isEmpty {
            validated.diagnostics = (document.diagnostics + validated.diagnostics).sorted()
        }
        if document.hasErrors { validated.value = nil }
        return validated
    }
}
