#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LanguageServer
import Screening

/// Standard input as the language server's byte stream: `poll` gives the debounce wait, and
/// end of file (the client exited or closed the pipe) ends the server.
struct StandardInputStream: ByteStream {
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    mutating func read(waitingAtMost milliseconds: Int) -> StreamRead {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&descriptor, 1, Int32(clamping: milliseconds))
            if ready < 0 {
                if errno == EINTR { continue }
                return .closed
            }
            if ready == 0 { return .idle }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .closed
            }
            return count == 0 ? .closed : .bytes(Array(buffer[..<count]))
        }
    }
}

/// Writes whole frames to standard output.
enum StandardOutputWriter {
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
