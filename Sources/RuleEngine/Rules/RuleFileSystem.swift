/// The file access the rule set loader needs, so the library does no I/O of its own: the
/// command line passes the real file system, tests pass `InMemoryFileSystem`.
public protocol RuleFileSystem: Sendable {
    /// Whether `path` names a folder.
    func isDirectory(_ path: String) -> Bool
    /// Whether `path` names a file or folder.
    func exists(_ path: String) -> Bool
    /// The names (not paths) of the entries of a folder.
    func entries(ofDirectory path: String) throws -> [String]
    /// The bytes of a file.
    func read(_ path: String) throws -> [UInt8]
}

/// A file system held in memory: paths to bytes; folders are implied by the paths.
public struct InMemoryFileSystem: RuleFileSystem {
    /// Thrown for a path that holds no file.
    public struct Missing: Error, Sendable {
        public var path: String
    }

    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) {
        self.files = files
    }

    /// Files given as text.
    public init(texts: [String: String]) {
        self.files = texts.mapValues { Array($0.utf8) }
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = RulePaths.join(path, "")
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func exists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }

    public func entries(ofDirectory path: String) throws -> [String] {
        let prefix = RulePaths.join(path, "")
        var names = Set<String>()
        for key in files.keys where key.hasPrefix(prefix) {
            if let name = key.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(name)) }
        }
        return names.sorted()
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw Missing(path: path) }
        return bytes
    }
}

/// Path helpers shared by the loaders.
enum RulePaths {
    /// `folder/name`, without doubling a trailing `/`.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Whether a folder entry is a YAML file a rule folder accounts for.
    static func isYAML(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    /// The last component of a path.
    static func lastComponent(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    /// Sorted by UTF-8 bytes, as `details.md` §15 asks.
    static func sortedByBytes(_ names: [String]) -> [String] {
        names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
