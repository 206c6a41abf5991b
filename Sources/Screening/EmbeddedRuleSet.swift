import RuleEngine

/// The shipped rule set built into the executable (`EmbeddedRuleFiles`, generated from `rules/`
/// by the EmbedShippedRules plugin): the default when no `rules/` folder is found, so a copied
/// or installed binary works, and what `appraise rules export` writes out. Its files are read
/// under the folder name `root`, which diagnostics show; the digest uses paths relative to the
/// folder, so it is the same as that of `rules/` on disk.
public enum EmbeddedRuleSet {
    public static let root = "<shipped>"

    /// The files as a file system rooted at `root`.
    public static let fileSystem = InMemoryFileSystem(
        files: Dictionary(uniqueKeysWithValues: EmbeddedRuleFiles.files.map { (root + "/" + $0.path, Array($0.text.utf8)) }))

    /// Relative paths and bytes, sorted by UTF-8 bytes of the path.
    public static var files: [(path: String, bytes: [UInt8])] { EmbeddedRuleFiles.files.map { ($0.path, Array($0.text.utf8)) } }
}

/// The disk, except that paths under `EmbeddedRuleSet.root` read the built-in rules.
public struct ShippedOverlayFileSystem: RuleFileSystem {
    public var disk: DiskFileSystem

    public init(disk: DiskFileSystem) { self.disk = disk }

    private func isEmbedded(_ path: String) -> Bool {
        path == EmbeddedRuleSet.root || path.hasPrefix(EmbeddedRuleSet.root + "/")
    }

    public func isDirectory(_ path: String) -> Bool {
        isEmbedded(path) ? EmbeddedRuleSet.fileSystem.isDirectory(path) : disk.isDirectory(path)
    }

    public func exists(_ path: String) -> Bool {
        isEmbedded(path) ? EmbeddedRuleSet.fileSystem.exists(path) : disk.exists(path)
    }

    public func entries(ofDirectory path: String) throws -> [String] {
        isEmbedded(path) ? try EmbeddedRuleSet.fileSystem.entries(ofDirectory: path) : try disk.entries(ofDirectory: path)
    }

    public func read(_ path: String) throws -> [UInt8] {
        isEmbedded(path) ? try EmbeddedRuleSet.fileSystem.read(path) : try disk.read(path)
    }
}
