#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file read-only, refusing what is not a regular file (a folder, a device, a
/// FIFO) and what exceeds the size limit before reading it, so a hostile path cannot hang or
/// exhaust the process. Input files are never opened for writing.
public enum FileReader {
    public enum Failure: Error {
        case notAFile(String)
        /// Nothing at the path (or a path through something that is not a folder).
        case missing
        case tooLarge(size: Int, limit: Int)
        case system(String)

        public var message: String {
            switch self {
            case .notAFile(let what): "it is \(what), not a regular file"
            case .missing: "no such file; check the path and the working folder"
            case .tooLarge(let size, let limit):
                "it is \(size) bytes, over the file size limit of \(limit) bytes; raise it with --max-file-bytes"
            case .system(let reason): reason
            }
        }
    }

    /// The whole file's bytes.
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .system(errnoText()))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.notAFile("a folder"))
        case S_IFCHR, S_IFBLK: return .failure(.notAFile("a device"))
        case S_IFIFO: return .failure(.notAFile("a pipe"))
        default: return .failure(.notAFile("a special file"))
        }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size: size, limit: limit)) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.system(errnoText())) }
        defer { close(fd) }
        // Filled by read(2) as it comes, not zeroed first: a dossier is read once per screening.
        var failure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            filled = 0
            while filled < size {
                let got = Glibc.read(fd, buffer.baseAddress! + filled, size - filled)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = .system(errnoText())
                    return
                }
                if got == 0 { return }
                filled += got
            }
        }
        if let failure { return .failure(failure) }
        return .success(bytes)
    }
}
