#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the dossier files a command works on: every `*.yaml` below a folder, or the files a
/// slate's `candidates` globs name. Paths are sorted by their UTF-8 bytes so that every run,
/// on every machine, screens and reports in the same order.
public enum DossierFinder {
    /// A path that could not be walked (a symlink loop, a folder that cannot be opened).
    public struct Problem: Error {
        public var path: String
        public var message: String
        /// `input.symlink-loop` or `input.unreadable`, printed like a diagnostic's code.
        public var code = "input.unreadable"
    }

    /// Sorts paths by UTF-8 bytes (`details.md` §3–§4), not by Swift's Unicode ordering.
    public static func sortedByBytes(_ paths: [String]) -> [String] {
        paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Every `*.yaml` file below `folder`, following symlinks but never the same folder twice.
    public static func yamlFiles(below folder: String) -> (files: PathList, problems: [Problem]) {
        let root = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        // Every path found starts with the folder (made as below): the list holds it once.
        var files = PathList(prefix: root == "." ? "" : root + "/")
        var problems: [Problem] = []
        var visited = Set<FileIdentity>()
        var pending = [root]
        while let current = pending.popLast() {
            guard let identity = FileIdentity(path: current) else {
                problems.append(Problem(path: current, message: "cannot read folder: \(errnoText())"))
                continue
            }
            guard visited.insert(identity).inserted else {
                problems.append(Problem(
                    path: current, message: "symbolic link loop: this folder was already screened",
                    code: "input.symlink-loop"))
                continue
            }
            // One name at a time: a folder of a million dossiers is never listed as strings.
            let opened = forEachName(in: current) { name, type in
                guard name != "." && name != ".." else { return }
                let path = current == "." ? name : "\(current)/\(name)"
                // A regular file is known from its directory entry: no `stat` a dossier. Links
                // (followed) and entries of unknown type are looked at as before.
                if type == UInt8(DT_REG) {
                    if name.hasSuffix(".yaml") { files.append(path) }
                    return
                }
                var info = stat()
                guard stat(path, &info) == 0 else {
                    if name.hasSuffix(".yaml") {
                        problems.append(Problem(path: path, message: "cannot read: \(errnoText())"))
                    }
                    return
                }
                if info.st_mode & S_IFMT == S_IFDIR {
                    if !name.hasPrefix(".") { pending.append(path) }
                } else if name.hasSuffix(".yaml") {
                    files.append(path)
                }
            }
            if !opened {
                problems.append(Problem(path: current, message: "cannot open folder: \(errnoText())"))
            }
        }
        return (files.sortedByBytes(), problems)
    }

    /// The files that a slate's glob patterns match, relative to the slate's folder, sorted and
    /// without duplicates, never the slate file itself.
    public static func files(matching patterns: [String], in folder: String, excluding slateFile: String) -> [String] {
        var matches = Set<String>()
        for pattern in patterns {
            for path in expand(pattern: pattern, in: folder) where !sameFile(path, slateFile) {
                matches.insert(path)
            }
        }
        return sortedByBytes(Array(matches))
    }

    // MARK: - Private

    private static func expand(pattern: String, in folder: String) -> [String] {
        var bases = [folder]
        let components = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for (index, component) in components.enumerated() {
            let last = index == components.count - 1
            var next: [String] = []
            for base in bases {
                let join = { (name: String) in base == "." ? name : "\(base)/\(name)" }
                if !component.contains(where: { "*?[".contains($0) }) {
                    next.append(join(component))
                    continue
                }
                for name in listFolder(base) ?? [] where name != "." && name != ".."
                    && fnmatch(component, name, FNM_PERIOD) == 0
                {
                    next.append(join(name))
                }
            }
            bases = next.filter { path in
                var info = stat()
                guard stat(path, &info) == 0 else { return last }
                return last ? info.st_mode & S_IFMT != S_IFDIR : info.st_mode & S_IFMT == S_IFDIR
            }
        }
        return bases
    }

    /// The names in a folder (without `.` and `..`), or nil when it cannot be opened.
    public static func entries(of path: String) -> [String]? {
        listFolder(path)?.filter { $0 != "." && $0 != ".." }
    }

    private static func listFolder(_ path: String) -> [String]? {
        var names: [String] = []
        return forEachName(in: path) { name, _ in names.append(name) } ? names : nil
    }

    /// Calls `body` with each name in a folder (`.` and `..` included) and its `d_type`
    /// (`DT_UNKNOWN` where the file system does not say); false when it cannot be opened.
    private static func forEachName(in path: String, _ body: (String, UInt8) -> Void) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        // `d_name` is read in place: a directory record is only as long as its name, so
        // copying the whole 256-byte field would read past it (AddressSanitizer caught that).
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        while let entry = readdir(directory) {
            let name = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            body(String(cString: name), entry.pointee.d_type)
        }
        return true
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        guard let left = FileIdentity(path: a), let right = FileIdentity(path: b) else { return false }
        return left == right
    }
}

/// What a path names, following symbolic links.
public enum FileKind {
    case directory, file, other

    public static func of(_ path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }
}

/// A file's device and inode, which identify it whatever path reaches it.
public struct FileIdentity: Hashable {
    public let device: UInt64
    public let inode: UInt64

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
