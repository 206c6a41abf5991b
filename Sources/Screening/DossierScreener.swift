import CEL
import Diagnostics
import RuleEngine
import Reports
import YAML

/// One dossier screened: its report entry, and what slate rules still need of it.
public struct ScreenedDossier: Sendable {
    public var result: CandidateResult
    var slateEntry: SlateEntry?
    /// True for a file whose `format` is `slate/1` or `decisions/1`: skipped, not screened
    /// (`details.md` §4); `skippedFormat` says which.
    var isSlateFile = false
    var skippedFormat = "slate/1"
    /// The values `--redact` hides, collected only when it is on.
    var sensitive: [SensitiveValue] = []
    /// Where `candidate.id` stands, for the duplicate-id error (kept even when the dossier is not).
    var idLocation: SourceLocation?

    /// A dossier left unscreened because the run was cancelled: its report is never shown.
    static func cancelled(_ file: String) -> ScreenedDossier {
        ScreenedDossier(result: CandidateResult(file: file, digest: nil, id: nil, name: nil, verdict: .invalid, findings: [], errors: []))
    }
}

/// Reads, validates and evaluates one dossier file. Shared read-only by every worker thread.
public struct DossierScreener: Sendable {
    public internal(set) var schema: Schema
    /// The candidate rules, the date, the language, the slate and the parameters.
    public internal(set) var screening: CandidateScreening
    let limits: YAMLLimits
    let validation: ValidationOptions
    /// What valid dossiers leave for the slate rules; nil when none will run.
    var slateKeeper: SlateKeeper?
    /// Whether `--redact` is on, so each dossier's sensitive values are collected.
    var redact = false
    /// The rules `schema` and `screening` were prepared from, so that a worker can prepare
    /// its own copy (`replica()`); nil shares this screener.
    var preparation: PreparedRuleSet?

    /// Reads the dossier at path `file` and screens it.
    public func screen(_ file: String) -> ScreenedDossier {
        switch FileReader.read(file, limit: limits.maxFileBytes) {
        case .success(let bytes): return screen(bytes: bytes, file: file)
        case .failure(let failure): return Self.unreadable(file, failure)
        }
    }

    /// Screens a dossier given as bytes, named `file` in the report (the server's uploads).
    public func screen(bytes: [UInt8], file: String) -> ScreenedDossier {
        guard bytes.count <= limits.maxFileBytes else {
            return Self.unreadable(file, .tooLarge(size: bytes.count, limit: limits.maxFileBytes))
        }
        if let format = SlateFileSniffer.format(bytes), SlateFileSniffer.skipped.contains(format) {
            var skipped = ScreenedDossier(
                result: CandidateResult(file: file, digest: nil, id: nil, name: nil, verdict: .invalid, findings: [], errors: []),
                isSlateFile: true)
            skipped.skippedFormat = format
            return skipped
        }
        let load = DossierLoader.load(bytes: bytes, file: file, schema: schema, limits: limits, options: validation)
        let (result, dossier) = screening.result(of: load, file: file)
        guard let dossier else { return ScreenedDossier(result: result) }
        let sensitive = redact ? SensitiveValues.collect(from: dossier.value, schema: schema) : []
        return ScreenedDossier(
            result: result, slateEntry: slateKeeper?.keep(dossier.value, file: file), sensitive: sensitive,
            idLocation: ScreeningRun.idLocation(dossier.value))
    }

    /// A dossier that could not be read: invalid, with the reason located at its first line.
    private static func unreadable(_ file: String, _ failure: FileReader.Failure) -> ScreenedDossier {
        // A file that is not there has no line 1 to point at: the report names it already.
        let (code, location): (String, SourceLocation?) = switch failure {
        case .tooLarge: ("yaml.too-large", SourceLocation(file: file, line: 1, column: 1))
        case .missing: ("input.missing", nil)
        case .notAFile, .system: ("input.unreadable", SourceLocation(file: file, line: 1, column: 1))
        }
        let diagnostic = Diagnostic(
            code: code, message: "cannot read the dossier: \(failure.message)", location: location)
        return ScreenedDossier(result: CandidateResult(
            file: file, digest: nil, id: nil, name: nil, verdict: .invalid, findings: [], errors: [diagnostic]))
    }
}
