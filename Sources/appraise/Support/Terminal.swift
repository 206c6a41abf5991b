#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Screening

/// What the process is attached to: decides colors and progress output. The library never
/// asks; only the executable does.
enum Terminal {
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colors only on a terminal, and never with `NO_COLOR` set or `--no-color`.
    static func useColor(noColorFlag: Bool) -> Bool {
        if noColorFlag { return false }
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return standardOutputIsTerminal
    }

    /// Writes to standard error without buffering surprises.
    static func printError(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        line.withUTF8 { buffer in _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count) }
    }

    /// Writes to standard error as is, for progress redraws.
    static func printErrorRaw(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count) }
    }

    /// Writes to standard output.
    static func printOutput(_ text: String) {
        var text = text
        _ = text.withUTF8 { buffer in writeAll(STDOUT_FILENO, UnsafeRawBufferPointer(buffer)) }
    }

    /// Writes UTF-8 bytes to standard output.
    static func printOutput(utf8: [UInt8]) {
        _ = utf8.withUnsafeBytes { buffer in writeAll(STDOUT_FILENO, buffer) }
    }
}
