#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RuleEngine

/// Writes a report file so that readers see either the old file or the whole new one: the
/// bytes go to a temporary file in the same folder, are flushed to disk, and are renamed over
/// the target. A crash or SIGKILL mid-run never leaves half a report. The server writes a
/// decisions file through it too.
///
/// A target that is a character device or a named pipe (`--output /dev/null`,
/// `/dev/stdout`, a FIFO a reader waits on) is written directly instead: it cannot be
/// replaced, and a rename over it put a regular file in its place (run as root, over
/// `/dev/null` itself). A symbolic link to a file is followed: the file is replaced, the link
/// stays (`/dev/stdout` when standard output is redirected to a file).
public struct AtomicWriter {
    public let path: String
    /// The file the temporary is renamed over: `path`, or the file its link points to.
    private let target: String
    /// Nil when the target is written directly.
    private let temporaryPath: String?
    private let descriptor: Int32

    /// Opens a temporary file beside `path`, or `path` itself when it is a device or a pipe.
    public init(path: String) throws(CLIError) {
        self.path = path
        if Self.isDeviceOrPipe(path) {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw CLIError.io(path: path, reason: errnoText()) }
            self.descriptor = descriptor
            self.temporaryPath = nil
            self.target = path
            return
        }
        let target = Self.linkedFile(path) ?? path
        self.target = target
        let folder = target.contains("/") ? String(target[..<target.lastIndex(of: "/")!]) : "."
        let base = target.split(separator: "/").last.map(String.init) ?? target
        Self.removeStaleTemporaries(folder: folder, base: base)
        guard let file = TemporaryFile.create(prefix: "\(folder)/.\(base).tmp-\(getpid())-") else {
            throw CLIError.io(path: path, reason: "cannot create a temporary file in \(folder): \(errnoText())")
        }
        fchmod(file.descriptor, 0o644)
        self.descriptor = file.descriptor
        self.temporaryPath = file.path
    }

    /// Appends text to the temporary file.
    public func write(_ text: String) throws(CLIError) {
        var text = text
        if !text.withUTF8({ buffer in writeAll(descriptor, UnsafeRawBufferPointer(buffer)) }) { try fail() }
    }

    /// Appends UTF-8 bytes to the temporary file.
    public func write(utf8: [UInt8]) throws(CLIError) {
        if !utf8.withUnsafeBytes({ buffer in writeAll(descriptor, buffer) }) { try fail() }
    }

    /// Drops the temporary file after a failed write and throws its reason.
    private func fail() throws(CLIError) {
        let reason = errnoText()
        discard()
        throw CLIError.io(path: path, reason: reason)
    }

    /// Flushes and renames the temporary file over the target.
    public func commit() throws(CLIError) {
        guard let temporaryPath else {
            guard close(descriptor) == 0 else { throw CLIError.io(path: path, reason: errnoText()) }
            return
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let reason = errnoText()
            unlink(temporaryPath)
            throw CLIError.io(path: path, reason: reason)
        }
        guard rename(temporaryPath, target) == 0 else {
            let reason = errnoText()
            unlink(temporaryPath)
            throw CLIError.io(path: path, reason: reason)
        }
    }

    /// Removes the temporary file; the target is left as it was (a device or a pipe keeps
    /// what it was given).
    public func discard() {
        close(descriptor)
        if let temporaryPath { unlink(temporaryPath) }
    }

    /// The existing file a symbolic link at `path` leads to, or nil when `path` is no link.
    private static func linkedFile(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) else {
            return nil
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isDeviceOrPipe(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFCHR || info.st_mode & S_IFMT == S_IFIFO
    }
}

extension AtomicWriter {
    /// Removes `.BASE.tmp-PID-*` files left by a run that was killed before it could commit
    /// or discard (SIGKILL, power loss). Only temporaries whose process is gone are removed,
    /// so a concurrent run writing the same report keeps its own.
    public static func removeStaleTemporaries(folder: String, base: String) {
        let prefix = ".\(base).tmp-"
        for name in DossierFinder.entries(of: folder) ?? [] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink("\(folder)/\(name)")
            }
        }
    }
}
