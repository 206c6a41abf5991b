import Synchronization

/// The findings of a slate's rules in report order (`Finding.reportOrder`), without holding
/// them all: rules, and the parts of a pair rule's pairs, hand their findings over as they
/// make them, from any thread, each tagged with its place in the order they were made
/// (`FindingOutlet`). Past `runLength` findings in memory, the run is sorted and written to
/// a temporary file (`SpillFile`); `sorted()` merges the runs. Ties in report order keep the
/// order the findings were made in, so the result is the stable sort of every finding, the
/// same bytes however the work was split (`docs/performance.md`, "Memory").
///
/// When no temporary file can be made or written, findings stay in memory: never lost.
public final class FindingSorter: Sendable {
    /// Report order (`Finding.reportPosition`), then the order the findings were made in.
    struct Key: Comparable {
        var rank: Int
        var ruleOrder: Int
        var line: Int
        var column: Int
        var tie: UInt64

        init(_ finding: Finding, tie: UInt64) {
            (rank, ruleOrder, line, column) = finding.reportPosition
            self.tie = tie
        }

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.rank, lhs.ruleOrder, lhs.line, lhs.column, lhs.tie) < (rhs.rank, rhs.ruleOrder, rhs.line, rhs.column, rhs.tie)
        }
    }

    typealias Entry = (key: Key, finding: Finding)

    private struct State {
        /// The run being filled.
        var run: [Entry] = []
        /// Made at the first full run; nil when none could be made.
        var file: SpillFile?
        /// Whether runs may still go to the file (false once making or writing it failed).
        var spills = true
        /// The byte ranges of the sorted runs in the file.
        var runs: [Range<UInt64>] = []
    }

    private let state = Mutex(State())
    private let runLength: Int
    private let folder: String?

    /// `runLength` findings stay in memory (`Int.max`: all of them, never a file); beyond,
    /// sorted runs go to a temporary file under `folder` (default: `$TMPDIR`, else `/tmp`).
    public init(runLength: Int = 1024, folder: String? = nil) {
        self.runLength = max(1, runLength)
        self.folder = folder
    }

    /// Takes `findings` in the order they were made; `tie` is the place of the first among all
    /// the slate's findings (`FindingOutlet`), the others following it.
    public func add(_ findings: [Finding], tie: UInt64) {
        state.withLock { state in
            for (offset, finding) in findings.enumerated() {
                state.run.append((Key(finding, tie: tie + UInt64(offset)), finding))
            }
            if state.run.count >= runLength, state.spills { spill(&state) }
        }
    }

    /// Every finding taken so far, in report order; the sorter is empty afterwards.
    public func sorted() -> SortedFindings {
        state.withLock { state in
            state.run.sort { $0.key < $1.key }
            let runs = state.runs.map { FindingRun(file: state.file!, bytes: $0, blockSize: Self.blockSize(runs: state.runs.count)) }
            let sorted = SortedFindings(runs: runs + [FindingRun(memory: state.run)])
            state = State()
            return sorted
        }
    }

    /// Whether some findings went to the temporary file.
    public var spilled: Bool { state.withLock { !$0.runs.isEmpty } }

    /// Bytes read from the file at a time, per run: a few MB in all however many runs there are.
    private static func blockSize(runs: Int) -> Int { max(16 << 10, min(1 << 20, (8 << 20) / max(1, runs))) }

    /// Sorts the run and writes it to the file; it stays in memory when it cannot be written.
    private func spill(_ state: inout State) {
        if state.file == nil { state.file = SpillFile(folder: folder) }
        guard let file = state.file else {
            state.spills = false
            return
        }
        state.run.sort { $0.key < $1.key }
        var writer = RecordWriter(file: "")
        for (key, finding) in state.run {
            // Each entry: its length (4 bytes, little-endian), its tie, the finding (the rest of
            // its key is read back from the finding itself).
            let start = writer.bytes.count
            writer.bytes += [0, 0, 0, 0]
            writer.fixed(key.tie)
            FindingCodec.encode(finding, into: &writer)
            let length = UInt32(truncatingIfNeeded: writer.bytes.count - start - 4)
            for byte in 0..<4 { writer.bytes[start + byte] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(byte))) }
        }
        let start = file.size
        guard writer.bytes.withUnsafeBytes({ file.append($0) }) else {
            state.spills = false
            return
        }
        state.runs.append(start..<file.size)
        state.run.removeAll(keepingCapacity: true)
    }
}

/// The findings of a `FindingSorter` in report order, read once.
public struct SortedFindings: Sequence, IteratorProtocol {
    private var runs: [FindingRun]
    /// The runs that are not at their end, as a binary heap on their current key.
    private var heap: [Int] = []
    /// True once a run could not be read back from the temporary file: findings are missing,
    /// and the caller must not report the slate as complete.
    public private(set) var failed = false

    init(runs: [FindingRun]) {
        self.runs = runs
        for index in runs.indices {
            if self.runs[index].advance() == false { failed = true }
            if self.runs[index].current != nil { push(index) }
        }
    }

    public mutating func next() -> Finding? {
        guard let top = heap.first, let entry = runs[top].current else { return nil }
        if runs[top].advance() == false { failed = true }
        if runs[top].current == nil {
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
        }
        if !heap.isEmpty { siftDown(0) }
        return entry.finding
    }

    private func less(_ a: Int, _ b: Int) -> Bool { runs[heap[a]].current!.key < runs[heap[b]].current!.key }

    private mutating func push(_ run: Int) {
        heap.append(run)
        var child = heap.count - 1
        while child > 0, less(child, (child - 1) / 2) {
            heap.swapAt(child, (child - 1) / 2)
            child = (child - 1) / 2
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var smallest = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && less(child, smallest) {
                smallest = child
            }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}

/// One sorted run: in memory, or in the temporary file, read a block at a time.
struct FindingRun {
    private var memory: [FindingSorter.Entry]
    private var index = -1
    private let file: SpillFile?
    /// The file's bytes of the run not yet read into `block`.
    private var next: UInt64
    private let end: UInt64
    private var block: [UInt8] = []
    private var position = 0
    private let blockSize: Int
    private(set) var current: FindingSorter.Entry?

    init(memory: [FindingSorter.Entry]) {
        self.memory = memory
        self.file = nil
        self.next = 0
        self.end = 0
        self.blockSize = 0
    }

    init(file: SpillFile, bytes: Range<UInt64>, blockSize: Int) {
        self.memory = []
        self.file = file
        self.next = bytes.lowerBound
        self.end = bytes.upperBound
        self.blockSize = blockSize
    }

    /// Moves to the next entry (`current` is nil at the end); false when the file could not
    /// be read back or held something else, which ends the run.
    mutating func advance() -> Bool {
        current = nil
        guard file != nil else {
            index += 1
            if index < memory.count {
                current = memory[index]
            } else {
                memory = []
            }
            return true
        }
        guard next < end || position < block.count else { return true }
        guard let header = take(4) else { return false }
        var length = 0
        for (offset, byte) in header.enumerated() { length |= Int(byte) << (8 * offset) }
        guard let bytes = take(length) else { return false }
        var reader = RecordReader(bytes)
        guard let tie = reader.fixed(), let finding = FindingCodec.decode(&reader), reader.atEnd else { return false }
        current = (FindingSorter.Key(finding, tie: tie), finding)
        return true
    }

    /// The next `count` bytes of the run, reading on from the file as needed; nil past the
    /// run's end or on a read error.
    private mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        if block.count - position < count {
            let kept = Array(block[position...])
            let wanted = min(UInt64(max(blockSize, count - kept.count)), end - next)
            guard kept.count + Int(wanted) >= count, let file,
                let read = file.read(at: next, count: Int(wanted), minimum: Int(wanted))
            else { return nil }
            next += wanted
            block = kept + read
            position = 0
        }
        defer { position += count }
        return block[position..<position + count]
    }
}
