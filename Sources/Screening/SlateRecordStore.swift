#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CEL
import RuleEngine
import Synchronization

/// The kept records of a screening's valid dossiers, in slate order, written to a temporary
/// file that is unlinked as soon as it is opened (so nothing is left behind, even after a
/// crash). Slate rules read them back one at a time through `ListValue`, so memory holds
/// about 16 bytes per candidate, not its dossier (`docs/performance.md`, "Memory").
///
/// When no temporary file can be made or written, records stay in memory: slower to grow,
/// never wrong.
final class SlateRecordStore: ListValue.ElementSource {
    private struct State {
        var descriptor: Int32
        /// False after a write failed: later records stay in `pending`.
        var writable = true
        /// Record i is bytes offsets[i] ..< offsets[i + 1] of the whole store.
        var offsets: [UInt64] = [0]
        /// Bytes from `flushed` on, not yet in the file.
        var pending: [UInt8] = []
        var flushed: UInt64 = 0
        /// The last block read from the file, starting at `readStart`.
        var readBlock: [UInt8] = []
        var readStart: UInt64 = 0
        /// Where the last record read ended: a read starting there is sequential.
        var lastReadEnd: UInt64 = 0
        /// Slate position of each record by its dossier file.
        var positionOfFile: [String: Int] = [:]
    }

    private let codec: RecordCodec
    private let state: Mutex<State>
    /// Writes and reads go to the file in blocks of this size.
    private let blockSize: Int

    /// A store in a temporary file under `folder` (default: `$TMPDIR`, else `/tmp`).
    init(codec: RecordCodec, folder: String? = nil, blockSize: Int = 1 << 20) {
        self.codec = codec
        self.blockSize = max(1, blockSize)
        self.state = Mutex(State(descriptor: Self.openTemporaryFile(in: folder)))
    }

    /// Whether records go to a file (false: no temporary file could be made or written).
    var isOnDisk: Bool { state.withLock { $0.descriptor >= 0 && $0.writable } }

    deinit {
        state.withLock { if $0.descriptor >= 0 { close($0.descriptor) } }
    }

    /// Adds the next record, read from `file`.
    func append(_ record: [UInt8], file: String) {
        state.withLock { state in
            state.positionOfFile[file] = state.offsets.count - 1
            state.pending += record
            state.offsets.append(state.offsets[state.offsets.count - 1] + UInt64(record.count))
            if state.pending.count >= blockSize { Self.flush(&state) }
        }
    }

    var count: Int { state.withLock { $0.offsets.count - 1 } }

    func element(at index: Int) -> Value {
        let bytes = state.withLock { state in Self.read(index, blockSize: blockSize, &state) }
        return bytes.map(codec.decode) ?? RecordCodec.damagedRecord
    }

    /// Where a candidate read from this store stands in the slate.
    func position(of dossier: ObjectValue) -> Int? {
        guard let file = dossier.origin?.location.file else { return nil }
        return state.withLock { $0.positionOfFile[file] }
    }

    // MARK: - File

    private static func openTemporaryFile(in folder: String?) -> Int32 {
        let folder = folder ?? getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        guard let file = TemporaryFile.create(prefix: "\(folder)/appraise-slate-") else { return -1 }
        unlink(file.path)
        return file.descriptor
    }

    /// Moves the pending bytes to the file; after a write error they stay in memory.
    private static func flush(_ state: inout State) {
        guard state.descriptor >= 0, state.writable else { return }
        var written = 0
        while written < state.pending.count {
            let result = state.pending.withUnsafeBytes { buffer in
                pwrite(state.descriptor, buffer.baseAddress! + written, buffer.count - written,
                       off_t(state.flushed) + off_t(written))
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                state.writable = false
                return
            }
            written += result
        }
        state.flushed += UInt64(written)
        state.pending.removeAll(keepingCapacity: true)
    }

    /// The bytes of record `index`, or nil when they cannot be read back.
    private static func read(_ index: Int, blockSize: Int, _ state: inout State) -> ArraySlice<UInt8>? {
        guard index >= 0, index + 1 < state.offsets.count else { return nil }
        let start = state.offsets[index], end = state.offsets[index + 1]
        if start >= state.flushed {
            return state.pending[Int(start - state.flushed)..<Int(end - state.flushed)]
        }
        defer { state.lastReadEnd = end }
        let length = Int(end - start)
        let blockEnd = state.readStart + UInt64(state.readBlock.count)
        if start >= state.readStart && end <= blockEnd {
            return state.readBlock[Int(start - state.readStart)..<Int(end - state.readStart)]
        }
        // A loop over the candidates reads on in blocks; a pair rule's partner, anywhere in
        // the file, is read alone.
        guard start == state.lastReadEnd else { return readFile(state.descriptor, from: start, count: length, atLeast: length)?[...] }
        guard let block = readFile(state.descriptor, from: start, count: max(blockSize, length), atLeast: length) else {
            return nil
        }
        state.readBlock = block
        state.readStart = start
        return block[0..<length]
    }

    /// Up to `size` bytes of the file from `start`, at least `length`; nil on a read error.
    private static func readFile(_ descriptor: Int32, from start: UInt64, count size: Int, atLeast length: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < length {
            let result = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, size - filled, off_t(start) + off_t(filled))
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return nil }
            filled += result
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
