/// The paths of objects and lists (`family[3].businesses[0]`), each made once per thread and
/// shared by the documents that thread validates against one schema. Every object and list
/// keeps its path in its origin, and the same paths recur from one dossier to the next: made
/// per document, each one longer than fifteen bytes was an allocation, a copy and later a free.
///
/// A path is known by a number: the root's is 0, and a field's or an item's is found from its
/// parent's number and its slot or index in an open-addressing table of numbers. The table
/// keeps at most `maxPaths` paths; past that, and for any path under one not kept, paths are
/// made as before, unshared, by the same `join` and `indexed`: a path reads the same whether
/// it was kept or not.
///
/// One table per thread (`ThreadTables`), so no lock: it starts afresh when its thread
/// validates against another root record (another schema, or another kind of document).
final class PathTable {
    /// A path as the validator carries it down: its text, and its number in the table
    /// (`unkept` when the table does not hold it).
    struct Path {
        let id: Int32
        let text: String

        static let unkept: Int32 = -1
        /// The document's root, whose path is empty.
        static let root = Path(id: 0, text: "")

        /// A path the table does not hold (no table, or the table full).
        init(unkept text: String) {
            id = Self.unkept
            self.text = text
        }

        fileprivate init(id: Int32, text: String) {
            self.id = id
            self.text = text
        }
    }

    /// The most paths kept, the root's included: 20,000 generated dossiers hold 133 distinct
    /// ones in all; 40 KB of table per thread (the texts apart).
    static let maxPaths = 1024
    private static let slotCount = 2 * maxPaths
    private static let shift = UInt64(64 - (slotCount.trailingZeroBitCount))

    // Only `let`s (a class's `var` costs a dynamic exclusivity check per access): the mutable
    // state sits behind pointers.
    /// The key of each slot (parent number + 1, the step's kind and its slot or index); 0 empty.
    private let keys: UnsafeMutablePointer<UInt64>
    /// The path number in each slot with a key.
    private let numbers: UnsafeMutablePointer<Int32>
    /// The text of each path, by number; the first `count.pointee` are initialized.
    private let texts: UnsafeMutablePointer<String>
    private let count: UnsafeMutablePointer<Int>
    /// The root record the paths start from: held weakly, so that a table never keeps a
    /// schema alive, and compared by identity (a freed plan reads as nil, never as another).
    private weak var root: RecordPlan?

    init() {
        keys = .allocate(capacity: Self.slotCount)
        keys.initialize(repeating: 0, count: Self.slotCount)
        numbers = .allocate(capacity: Self.slotCount)
        numbers.initialize(repeating: 0, count: Self.slotCount)
        texts = .allocate(capacity: Self.maxPaths)
        texts.initialize(to: "")
        count = .allocate(capacity: 1)
        count.initialize(to: 1)
    }

    deinit {
        texts.deinitialize(count: count.pointee)
        texts.deallocate()
        keys.deallocate()
        numbers.deallocate()
        count.deallocate()
    }

    /// How many paths the table holds, the root's included.
    var pathCount: Int { count.pointee }

    /// The path of field `slot`, named `name`, of the object at `parent`; the name is read
    /// only for a path not kept yet.
    @inline(__always)
    func field(of parent: Path, slot: Int, name: @autoclosure () -> String) -> Path {
        find(parent, step: 1 << 32 | UInt64(truncatingIfNeeded: slot)) { Self.join(parent.text, name()) }
    }

    /// The path of item `index` of the list at `parent`.
    @inline(__always)
    func item(of parent: Path, index: Int) -> Path {
        guard index < 1 << 32 else { return Path(unkept: Self.indexed(parent.text, index)) }
        return find(parent, step: UInt64(truncatingIfNeeded: index)) { Self.indexed(parent.text, index) }
    }

    /// The path one `step` below `parent`: the table's, or made by `make` and kept when there is room.
    private func find(_ parent: Path, step: UInt64, make: () -> String) -> Path {
        guard parent.id >= 0 else { return Path(unkept: make()) }
        let key = UInt64(parent.id + 1) << 33 | step
        let mask = Self.slotCount - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> Self.shift)
        while true {
            let found = keys[slot]
            if found == key {
                let number = numbers[slot]
                return Path(id: number, text: texts[Int(number)])
            }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        let text = make()
        let number = count.pointee
        guard number < Self.maxPaths else { return Path(unkept: text) }
        count.pointee = number + 1
        keys[slot] = key
        numbers[slot] = Int32(number)
        (texts + number).initialize(to: text)
        return Path(id: Int32(number), text: text)
    }

    /// Readies the table for paths from the root record `plan`: emptied when it held paths
    /// from another.
    func start(root plan: RecordPlan) {
        guard root !== plan else { return }
        (texts + 1).deinitialize(count: count.pointee - 1)
        count.pointee = 1
        keys.update(repeating: 0, count: Self.slotCount)
        root = plan
    }

    /// `parent.key`, or `key` at the root, for schema field names (always identifiers).
    static func join(_ parent: String, _ key: String) -> String {
        if parent.isEmpty { return key }
        var key = key
        return key.withUTF8 { keyBytes in
            concatenated(parent, tailCount: 1 + keyBytes.count) { tail in
                tail[0] = UInt8(ascii: ".")
                copy(keyBytes, into: tail, at: 1)
            }
        }
    }

    /// `path[index]`, the path of a list item.
    static func indexed(_ path: String, _ index: Int) -> String {
        guard index >= 0 else { return path + "[" + String(index) + "]" }
        var digits = 1
        var rest = index / 10
        while rest > 0 { digits += 1; rest /= 10 }
        return concatenated(path, tailCount: digits + 2) { tail in
            tail[0] = UInt8(ascii: "[")
            var value = index
            for position in stride(from: digits, to: 0, by: -1) {
                tail[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            tail[digits + 1] = UInt8(ascii: "]")
        }
    }

    /// `head` followed by `tailCount` bytes that `writeTail` fills: one string built in one
    /// step (an object's and a list's path are joined for every one of them; `+` made a string
    /// per piece).
    private static func concatenated(
        _ head: String, tailCount: Int, _ writeTail: (UnsafeMutableBufferPointer<UInt8>) -> Void
    ) -> String {
        var head = head
        return head.withUTF8 { headBytes in
            String(unsafeUninitializedCapacity: headBytes.count + tailCount) { buffer in
                copy(headBytes, into: buffer, at: 0)
                writeTail(UnsafeMutableBufferPointer(rebasing: buffer[headBytes.count...]))
                return headBytes.count + tailCount
            }
        }
    }

    private static func copy(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
        (target + offset).initialize(from: source, count: bytes.count)
    }
}
