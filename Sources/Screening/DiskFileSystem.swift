import RuleEngine
import YAML

/// The real file system for the rule set loader: read-only, regular files only, with the
/// same size limit as dossiers. The one disk adapter: the CLI, the server, the language
/// server, the benchmark and the tests all load rules through it.
public struct DiskFileSystem: RuleFileSystem {
    public var maxFileBytes: Int

    /// `maxFileBytes` defaults to the dossier limit (`YAMLLimits.default`).
    public init(maxFileBytes: Int = YAMLLimits.default.maxFileBytes) { self.maxFileBytes = maxFileBytes }

    public func isDirectory(_ path: String) -> Bool { FileKind.of(path) == .directory }
    public func exists(_ path: String) -> Bool { FileKind.of(path) != nil }

    public func entries(ofDirectory path: String) throws -> [String] {
        guard let names = DossierFinder.entries(of: path) else { throw CLIError.io(path: path, reason: errnoText()) }
        return names
    }

    public func read(_ path: String) throws -> [UInt8] {
        switch FileReader.read(path, limit: maxFileBytes) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw CLIError.io(path: path, reason: failure.message)
        }
    }
}
