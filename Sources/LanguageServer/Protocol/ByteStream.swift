/// What one read from the client's byte stream gave.
public enum StreamRead: Sendable, Equatable {
    case bytes([UInt8])
    /// Nothing arrived within the wait (the server uses the pause to publish debounced work).
    case idle
    /// The stream ended: the client is gone, the server exits.
    case closed
}

/// The client's side of the connection, so the server loop runs the same on stdin and on an
/// in-memory buffer in tests. The library does no I/O of its own.
public protocol ByteStream {
    /// Bytes as soon as some are available; `idle` after `milliseconds` without any (a
    /// negative wait blocks until bytes come or the stream closes).
    mutating func read(waitingAtMost milliseconds: Int) -> StreamRead
}

/// A stream over bytes held in memory, for tests: `idle` when drained and a wait is allowed,
/// then closed once `close` is set (the default), like a client that hung up.
public struct InMemoryByteStream: ByteStream {
    var chunks: [[UInt8]]
    /// Whether a blocking read on a drained stream reports closed (true) or idle.
    public var closesWhenDrained: Bool

    public init(chunks: [[UInt8]], closesWhenDrained: Bool = true) {
        self.chunks = chunks
        self.closesWhenDrained = closesWhenDrained
    }

    public mutating func read(waitingAtMost milliseconds: Int) -> StreamRead {
        if !chunks.isEmpty { return .bytes(chunks.removeFirst()) }
        if milliseconds >= 0 { return .idle }
        return closesWhenDrained ? .closed : .idle
    }
}
