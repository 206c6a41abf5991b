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

    /// The decision files a slate names (`decisions:`, globs relative to its folder); an entry
    /// that matches no file is an error, never a silently smaller set of decisions.
    public static func decisionFiles(of slate: SlateFile) throws(CLIError) -> [String] {
        let folder = slate.file.contains("/") ? String(slate.file[..<slate.file.lastIndex(of: "/")!]) : "."
        var files: [String] = []
        for pattern in slate.decisionPatterns {
            let matched = DossierFinder.files(matching: [pattern.text], in: folder, excluding: slate.file)
            if matched.isEmpty {
                throw CLIError.io(path: pattern.location.description, reason: "decisions entry '\(pattern.text)' matches no file")
            }
            files += matched.filter { !files.contains($0) }
        }
        return files
    }
}
