import Diagnostics
import RuleEngine
import YAML

/// A slate file on disk and the dossier files its `candidates` globs name, relative to its
/// folder: what `screen SLATE.yaml` and the server's workspace screen.
public enum SlateTarget {
    /// The slate (nil when invalid, with its diagnostics) and its dossier files.
    public static func load(
        _ path: String, schema: Schema, limits: YAMLLimits, strict: Bool
    ) throws(CLIError) -> (slate: SlateFile?, diagnostics: [Diagnostic], files: [String]) {
        let bytes: [UInt8]
        switch FileReader.read(path, limit: limits.maxFileBytes) {
        case .success(let read): bytes = read
        case .failure(let failure): throw CLIError.io(path: path, reason: failure.message)
        }
        let (slate, diagnostics) = SlateFileLoader.load(
            bytes: bytes, file: path, schema: schema, limits: limits, options: ValidationOptions(strict: strict))
        guard let slate else { return (nil, diagnostics, []) }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let files = DossierFinder.files(matching: slate.candidatePatterns.map(\.text), in: folder, excluding: path)
        return (slate, diagnostics, files)
    }
}
