#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new file made by `mkstemp(3)`: unique, created exclusively and readable only by its
/// owner, so that no other process can pre-create or swap it. Report files and the slate's
/// spill files (`SpillFile`: records, pair keys) all start from one.
public struct TemporaryFile: Sendable {
    /// The open descriptor (read and write).
    public let descriptor: Int32
    /// Where the file is, with the `XXXXXX` of the template filled in.
    public let path: String

    /// Creates a file named `prefix` followed by six random characters; nil (with `errno`
    /// set) when it cannot be made.
    public static func create(prefix: String) -> TemporaryFile? {
        var template = Array("\(prefix)XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return TemporaryFile(descriptor: descriptor, path: path)
    }
}
