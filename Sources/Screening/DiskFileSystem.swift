import RuleEngine

/// The real file system for the rule set loader: read-only, regular files only, with the
/// same size limit as dossiers.
struct DiskFileSystem: RuleFileSystem {
    var maxFileBytes: Int

    func isDirectory(_ path: String) -> Bool { FileKind.of(path) == .directory }
    func exists(_ path: String) -> Bool { FileKind.of(path) != nil }

    func entries(ofDirectory path: String) throws -> [String] {
        guard let names = DossierFinder.entries(of: path) else { throw CLIError.io(path: path, reason: errnoText()) }
        return names
    }

    func read(_ path: String) throws -> [UInt8] {
        switch FileReader.read(path, limit: maxFileBytes) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw CLIError.io(path: path, reason: failure.message)
        }
    }
}
