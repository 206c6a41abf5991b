/// The base protocol's framing (LSP specification, "Base Protocol"): a header block of
/// `Name: value` lines ended by an empty line, with `Content-Length` giving the body's bytes.
public enum MessageFramer {
    /// The largest body accepted: a 50 MB document fits with its JSON escaping.
    public static let maxBodyBytes = 256 << 20
    /// A header block longer than this is garbage, not a header.
    static let maxHeaderBytes = 8 << 10

    /// The bytes of one message with its header.
    public static func frame(_ message: JSON) -> [UInt8] {
        let body = Array(message.text.utf8)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

/// What the framer took from the stream.
public enum Frame: Sendable, Equatable {
    /// One message body (not yet parsed as JSON).
    case body([UInt8])
    /// A header that could not be used (no or bad `Content-Length`, too long); the bytes up to
    /// the next `Content-Length` were skipped.
    case badHeader(String)
    case idle
    case closed
}

/// Cuts a byte stream into message bodies. A `Content-Length` that says too little gives a
/// body that is not JSON (answered with a parse error), and the reader skips to the next
/// header; one that says too much swallows the next message, or waits for bytes until the
/// stream closes. Either way the server answers or exits; it never loops on its own.
public struct FrameReader<Stream: ByteStream> {
    var stream: Stream
    var buffer: [UInt8] = []
    var start = 0
    var closed = false

    public init(stream: Stream) {
        self.stream = stream
    }

    private static var separator: [UInt8] { Array("\r\n\r\n".utf8) }
    private static var lengthName: [UInt8] { Array("content-length".utf8) }

    /// The next frame; `idle` when nothing complete arrived within the wait.
    public mutating func next(waitingAtMost milliseconds: Int) -> Frame {
        while true {
            switch parseBuffered() {
            case .some(let frame): return frame
            case .none: break
            }
            if closed { return .closed }
            switch stream.read(waitingAtMost: milliseconds) {
            case .bytes(let bytes):
                compact()
                buffer += bytes
            case .idle: return .idle
            case .closed: closed = true
            }
        }
    }

    private mutating func compact() {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// A frame from what is buffered, nil when more bytes are needed.
    private mutating func parseBuffered() -> Frame? {
        guard start < buffer.count else { return nil }
        guard let end = find(Self.separator, from: start, limit: MessageFramer.maxHeaderBytes) else {
            if buffer.count - start > MessageFramer.maxHeaderBytes || closed {
                return skipToNextHeader(reason: closed ? "the stream ended inside a header" : "a header too long")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<end], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return skipToNextHeader(reason: "a header line without ':'") }
            if parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: " \t"))
            }
        }
        guard let length, length >= 0 else { return skipToNextHeader(reason: "no valid Content-Length") }
        guard length <= MessageFramer.maxBodyBytes else {
            return skipToNextHeader(reason: "a Content-Length of \(length) bytes, over \(MessageFramer.maxBodyBytes)")
        }
        let bodyStart = end + Self.separator.count
        guard buffer.count - bodyStart >= length else {
            if closed {
                start = buffer.count
                return .badHeader("the stream ended \(length - (buffer.count - bodyStart)) bytes short of the Content-Length")
            }
            return nil
        }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        start = bodyStart + length
        return .body(body)
    }

    /// Drops bytes up to the next `Content-Length` after the current position.
    private mutating func skipToNextHeader(reason: String) -> Frame {
        let lowered = buffer[(start + 1)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        let names = Self.lengthName
        var next = buffer.count
        if lowered.count >= names.count {
            for index in 0...(lowered.count - names.count) where lowered[index] == names[0] {
                if Array(lowered[index..<index + names.count]) == names {
                    next = start + 1 + index
                    break
                }
            }
        }
        start = next
        return .badHeader(reason)
    }

    private func find(_ needle: [UInt8], from: Int, limit: Int) -> Int? {
        let last = min(buffer.count - needle.count, from + limit)
        guard last >= from else { return nil }
        for index in from...last where buffer[index] == needle[0] {
            if buffer[index + 1] == needle[1], buffer[index + 2] == needle[2], buffer[index + 3] == needle[3] {
                return index
            }
        }
        return nil
    }
}
