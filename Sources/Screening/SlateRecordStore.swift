#if canImport(Glibc)
import Glibc
#endif
import CEL
import RuleEngine
import Synchronization

/// The kept records of a screening's valid dossiers, in slate order, written to a temporary
/// file (`SpillFile`). Slate rules read them back one at a time through `ListValue`, so
/// memory holds 20 bytes per candidate, not its dossier (`docs/performance.md`, "Memory"):
/// where its record starts (8) and the hash of its file with its position (12), which find a
/// candidate's position by its file without keeping the path.
///
/// When no temporary file can be made or written, records stay in memory: slower to grow,
/// never wrong.
final class SlateRecordStore: ListValue.ElementSource {
    private struct State {
        var file: SpillFile?
        /// False after a write failed: later records stay in `pending`.
        var writable = true
        /// Record i is bytes offsets[i] ..< offsets[i + 1] of the whole store.
        var offsets: [UInt64] = [0]
        /// Bytes from `flushed` on, not yet in the file.
        var pending: [UInt8] = []
        var flushed: UInt64 = 0
        /// What each reading thread read last: slate rules run side by side, each looping
        /// over the candidates, and one thread's reads must not break another's sequence.
        var readers: [UInt: Reader] = [:]
        /// Reads from the file so far (`fileReads`).
        var fileReads = 0
        /// The hash of each record's dossier file, by position (`fileHash`).
        var fileHashes: [UInt64] = []
        /// Positions sorted by `fileHashes`, built at the first `position(of:)`; nil while
        /// records are still added.
        var byHash: [UInt32]?
    }

    /// One thread's reading: the last block it read from the file, and where its last record ended.
    private struct Reader {
        /// The last block read, starting at `start`.
        var block: [UInt8] = []
        var start: UInt64 = 0
        /// Where the last record read ended: a read starting there is sequential.
        var lastEnd: UInt64 = 0
    }

    /// Readers kept at most; more (threads come and go between slate rules) start afresh.
    private static let maxReaders = 16

    private let codec: RecordCodec
    private let state: Mutex<State>
    /// How many records are in, read without the lock: slate rules ask for the count at
    /// every step of their loops, from several threads at once.
    private let recordCount = Atomic<Int>(0)
    /// Writes and reads go to the file in blocks of this size.
    private let blockSize: Int

    /// A store in a temporary file under `folder` (default: `$TMPDIR`, else `/tmp`).
    init(codec: RecordCodec, folder: String? = nil, blockSize: Int = 1 << 20) {
        self.codec = codec
        self.blockSize = max(1, blockSize)
        self.state = Mutex(State(file: SpillFile(folder: folder)))
    }

    /// Whether records go to a file (false: no temporary file could be made or written).
    var isOnDisk: Bool { state.withLock { $0.file != nil && $0.writable } }

    /// Adds the next record, read from `file`.
    func append(_ record: [UInt8], file: String) {
        state.withLock { state in
            state.fileHashes.append(Self.fileHash(file))
            state.byHash = nil
            state.pending += record
            state.offsets.append(state.offsets[state.offsets.count - 1] + UInt64(record.count))
            if state.pending.count >= blockSize { Self.flush(&state) }
            recordCount.store(state.offsets.count - 1, ordering: .releasing)
        }
    }

    var count: Int { recordCount.load(ordering: .acquiring) }

    func element(at index: Int) -> Value { element(at: index, keeping: nil) }

    /// Record `index` with only the fields `selection` keeps built (`RecordCodec.decode(_:keeping:)`).
    func element(at index: Int, keeping selection: RecordCodec.Selection?) -> Value {
        let bytes = state.withLock { state in Self.read(index, blockSize: blockSize, &state) }
        return bytes.map { codec.decode($0, keeping: selection) } ?? RecordCodec.damagedRecord
    }

    /// The records as one slate rule reads them: with only the fields it can observe
    /// (`SlateFieldUse.observed(by:isRecord:)`), so counting women does not decode families.
    final class Narrowed: ListValue.ElementSource {
        let store: SlateRecordStore
        let selection: RecordCodec.Selection

        init(_ store: SlateRecordStore, selection: RecordCodec.Selection) {
            self.store = store
            self.selection = selection
        }

        var count: Int { store.count }
        func element(at index: Int) -> Value { store.element(at: index, keeping: selection) }
    }

    /// Where a candidate read from this store stands in the slate: the record whose file has
    /// the same hash and, read back, the same name (so a collision never misplaces one).
    func position(of dossier: ObjectValue) -> Int? {
        guard let file = dossier.origin?.location.file else { return nil }
        let hash = Self.fileHash(file)
        let candidates: [Int] = state.withLock { state in
            let order = state.byHash ?? Self.sortedByHash(state.fileHashes)
            state.byHash = order
            var low = 0, high = order.count
            while low < high {
                let middle = (low + high) / 2
                if state.fileHashes[Int(order[middle])] < hash { low = middle + 1 } else { high = middle }
            }
            var found: [Int] = []
            while low < order.count, state.fileHashes[Int(order[low])] == hash {
                found.append(Int(order[low]))
                low += 1
            }
            return found
        }
        return candidates.first { index in
            guard case .object(let record) = element(at: index) else { return false }
            return record.origin?.location.file == file
        }
    }

    /// FNV-1a, 64 bits, of a file's path.
    private static func fileHash(_ file: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in file.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    private static func sortedByHash(_ hashes: [UInt64]) -> [UInt32] {
        var order = (0..<hashes.count).map { UInt32(truncatingIfNeeded: $0) }
        order.sort { hashes[Int($0)] < hashes[Int($1)] }
        return order
    }

    // MARK: - File

    /// Moves the pending bytes to the file; after a write error they stay in memory.
    private static func flush(_ state: inout State) {
        guard let file = state.file, state.writable else { return }
        guard state.pending.withUnsafeBytes({ file.append($0) }) else {
            state.writable = false
            return
        }
        state.flushed = file.size
        state.pending.removeAll(keepingCapacity: true)
    }

    /// The bytes of record `index`, or nil when they cannot be read back.
    private static func read(_ index: Int, blockSize: Int, _ state: inout State) -> ArraySlice<UInt8>? {
        guard index >= 0, index + 1 < state.offsets.count else { return nil }
        let start = state.offsets[index], end = state.offsets[index + 1]
        if start >= state.flushed {
            return state.pending[Int(start - state.flushed)..<Int(end - state.flushed)]
        }
        let thread = UInt(pthread_self())
        if state.readers[thread] == nil && state.readers.count >= maxReaders { state.readers.removeAll() }
        return read(start..<end, blockSize: blockSize, file: state.file, &state.readers[thread, default: Reader()], reads: &state.fileReads)
    }

    /// How many times records were read from the file: tests see that readers in turn keep
    /// reading in blocks.
    var fileReads: Int { state.withLock { $0.fileReads } }

    /// The bytes `range` of the file for one reader: from its last block, else a new block when
    /// it reads on sequentially, else alone (a pair rule's partner, anywhere in the file).
    private static func read(
        _ range: Range<UInt64>, blockSize: Int, file: SpillFile?, _ reader: inout Reader, reads: inout Int
    ) -> ArraySlice<UInt8>? {
        defer { reader.lastEnd = range.upperBound }
        let length = Int(range.upperBound - range.lowerBound)
        let blockEnd = reader.start + UInt64(reader.block.count)
        if range.lowerBound >= reader.start && range.upperBound <= blockEnd {
            return reader.block[Int(range.lowerBound - reader.start)..<Int(range.upperBound - reader.start)]
        }
        guard let file else { return nil }
        reads += 1
        guard range.lowerBound == reader.lastEnd else {
            return file.read(at: range.lowerBound, count: length, minimum: length)?[...]
        }
        guard let block = file.read(at: range.lowerBound, count: max(blockSize, length), minimum: length) else { return nil }
        reader.block = block
        reader.start = range.lowerBound
        return block[0..<length]
    }
}
