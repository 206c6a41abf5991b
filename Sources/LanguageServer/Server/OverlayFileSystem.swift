import RuleEngine

/// The rule set as the editor sees it: open documents (edited, maybe unsaved) over the files
/// on disk, so a rule file is checked with the schema and params of its folder as they are now.
struct OverlayFileSystem: RuleFileSystem {
    let base: any RuleFileSystem
    let documents: [String: [UInt8]]

    func isDirectory(_ path: String) -> Bool {
        if base.isDirectory(path) { return true }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return documents.keys.contains { $0.hasPrefix(prefix) }
    }

    func exists(_ path: String) -> Bool { documents[path] != nil || base.exists(path) }

    func entries(ofDirectory path: String) throws -> [String] {
        var names = Set(base.isDirectory(path) ? try base.entries(ofDirectory: path) : [])
        let prefix = path.hasSuffix("/") ? path : path + "/"
        for key in documents.keys where key.hasPrefix(prefix) {
            if let name = key.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(name)) }
        }
        return names.sorted()
    }

    func read(_ path: String) throws -> [UInt8] {
        if let bytes = documents[path] { return bytes }
        return try base.read(path)
    }
}
