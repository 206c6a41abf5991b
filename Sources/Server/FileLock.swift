#if canImport(Glibc)
import Glibc
#endif
import Screening

/// An exclusive `flock` on `.NAME.lock` beside a file, held while `work` runs: how writers of
/// one decisions file in several processes (two servers, a script) take turns. The lock file
/// is left in place (removing it would let a third writer lock a new one meanwhile).
enum FileLock {
    static func exclusive<T>(besides path: String, _ work: () throws(APIError) -> T) throws(APIError) -> T {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let lockPath = "\(folder)/.\(base).lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw DecisionRecorder.refusal(
                .internalServerError, .writeFailed, nil,
                "could not write \(path), which is left as it was: cannot open the lock file \(lockPath): \(errnoText())")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw DecisionRecorder.refusal(
                    .internalServerError, .writeFailed, nil,
                    "could not write \(path), which is left as it was: cannot lock \(lockPath): \(errnoText())")
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try work()
    }
}
