#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file for what a large screening would otherwise hold in memory for every
/// candidate (slate records, pair keys): written at its end, read back anywhere. It is
/// unlinked as soon as it is opened, so nothing is left behind, even after a crash.
///
/// Appends come from one thread at a time (the caller's lock or its single collecting
/// thread); reads use `pread`, so any number of threads may read at once.
public final class SpillFile: @unchecked Sendable {
    private let descriptor: Int32
    /// Bytes written so far: where the next append goes.
    public private(set) var size: UInt64 = 0

    /// A new empty file under `folder` (default: `$TMPDIR`, else `/tmp`); nil when none can be made.
    public init?(folder: String? = nil) {
        let folder = folder ?? getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        guard let file = TemporaryFile.create(prefix: "\(folder)/appraise-spill-") else { return nil }
        unlink(file.path)
        self.descriptor = file.descriptor
    }

    deinit { close(descriptor) }

    /// Writes `bytes` at the end of the file; false when they could not all be written (the
    /// caller then keeps them in memory; `size` does not move).
    public func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var written = 0
        while written < bytes.count {
            let result = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(size) + off_t(written))
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            written += result
        }
        size += UInt64(written)
        return true
    }

    /// Fills `buffer` from `offset` with up to `buffer.count` bytes, at least `minimum`;
    /// the number of bytes read, nil on a read error or when fewer than `minimum` are there.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64, minimum: Int) -> Int? {
        var filled = 0
        while filled < minimum {
            let result = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset) + off_t(filled))
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return nil }
            filled += result
        }
        return filled
    }

    /// Up to `count` bytes from `offset`, at least `minimum`; nil on a read error.
    public func read(at offset: UInt64, count: Int, minimum: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        guard let filled = bytes.withUnsafeMutableBytes({ read(into: $0, at: offset, minimum: minimum) }) else {
            return nil
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
