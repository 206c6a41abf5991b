#if canImport(Glibc)
import Glibc
#endif
import Diagnostics
import Reports
import Screening
import Synchronization

/// One line of the audit log (`serve.md`): who called what, the answer, how long it took, and
/// the digests of the input and of the result — never a dossier's contents.
public struct AuditEntry: Sendable {
    public var time: String
    public var token: String?
    public var method: String
    public var path: String
    public var status: Int
    public var durationMilliseconds: Double
    public var inputDigest: String?
    public var resultDigest: String?

    public var jsonLine: String {
        var writer = JSONWriter(pretty: false)
        writer.beginObject()
        writer.field("time", time)
        writer.field("token", token)
        writer.field("method", method)
        writer.field("path", path)
        writer.field("status", status)
        writer.key("duration_ms")
        writer.double((durationMilliseconds * 1000).rounded() / 1000)
        writer.field("input_sha256", inputDigest)
        writer.field("result_sha256", resultDigest)
        writer.endObject()
        return writer.output + "\n"
    }
}

/// The audit log file (`--audit-log`, JSON Lines): opened for appending, each line written
/// whole with one `write` and flushed to disk before the answer leaves.
public final class AuditLog: Sendable {
    private let descriptor: Mutex<Int32>

    public init(path: String) throws(CLIError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CLIError.io(path: path, reason: "cannot open the audit log: \(errnoText())") }
        descriptor = Mutex(fd)
    }

    deinit { descriptor.withLock { _ = close($0) } }

    public func append(_ entry: AuditEntry) {
        var line = entry.jsonLine
        descriptor.withLock { fd in
            _ = line.withUTF8 { buffer in writeAll(fd, UnsafeRawBufferPointer(buffer)) }
            _ = fsync(fd)
        }
    }

    /// Now, as `2026-12-04T18:49:14.123Z`.
    static func timestamp() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var parts = tm()
        var seconds = spec.tv_sec
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = Int(spec.tv_nsec / 1_000_000)
        let milliText = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(milliText)Z"
    }
}
