/// The bytes a `JSONWriter` has written: a growable buffer whose writes are a capacity test
/// and a copy. `[UInt8].append(contentsOf:)` of a buffer pointer goes through the generic
/// sequence path, about 90 instructions even for one comma, and a JSON Lines line makes some
/// 200 such appends. A writer asks for room (`space(for:)`), writes there, and says how much
/// it wrote (`didWrite`). Copies stay independent as arrays do: room is only given in storage
/// that no other copy holds.
struct OutputBytes: @unchecked Sendable {  // unchecked: storage is written only when unique
    /// The memory, freed with the last copy that holds it.
    private final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage
    /// How many bytes are written.
    private(set) var count = 0

    init(capacity: Int) {
        storage = Storage(capacity: Swift.max(capacity, 16))
    }

    /// The address of room for `extra` more bytes after the written ones, in storage only
    /// this copy holds. Write at most `extra` bytes there, then call `didWrite`.
    @inline(__always)
    mutating func space(for extra: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(extra > storage.capacity &- count || !isKnownUniquelyReferenced(&storage)) {
            reallocate(toHold: count + extra)
        }
        return storage.base + count
    }

    /// Counts `written` bytes put in the room `space(for:)` gave.
    @inline(__always)
    mutating func didWrite(_ written: Int) {
        count &+= written
    }

    /// New storage of at least `needed` bytes (doubling, so appends stay amortized constant)
    /// holding the written bytes.
    @inline(never)
    private mutating func reallocate(toHold needed: Int) {
        let fresh = Storage(capacity: Swift.max(needed, 2 * storage.capacity))
        fresh.base.update(from: storage.base, count: count)
        storage = fresh
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        space(for: 1).pointee = byte
        count &+= 1
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        Self.copy(source.assumingMemoryBound(to: UInt8.self), count: bytes.count, to: space(for: bytes.count))
        count &+= bytes.count
    }

    /// Copies `count` bytes between buffers that do not overlap: up to sixteen as two
    /// overlapping words (or byte by byte below eight), which costs a tenth of a call to
    /// `memcpy` for the short texts JSON is made of (keys, punctuation, numbers, enum values).
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, count: Int, to target: UnsafeMutablePointer<UInt8>) {
        if count > 16 {
            target.update(from: source, count: count)
        } else if count >= 8 {
            let head = UnsafeRawPointer(source).loadUnaligned(as: UInt64.self)
            let tail = UnsafeRawPointer(source + (count &- 8)).loadUnaligned(as: UInt64.self)
            UnsafeMutableRawPointer(target).storeBytes(of: head, as: UInt64.self)
            UnsafeMutableRawPointer(target + (count &- 8)).storeBytes(of: tail, as: UInt64.self)
        } else {
            for index in 0..<count { target[index] = source[index] }
        }
    }

    /// Constant text (punctuation, keywords, indentation) from the binary's bytes.
    @inline(__always)
    mutating func append(constant text: StaticString) {
        text.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }

    /// A string's UTF-8, read in place.
    mutating func append(utf8Of text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Forgets the written bytes, keeping the capacity (in fresh storage if a copy shares it).
    mutating func removeAll() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(capacity: storage.capacity) }
        count = 0
    }

    /// The written bytes, valid during `body`.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: storage.base, count: count)) }
    }

    /// The written bytes as an array (a copy).
    var array: [UInt8] { withBytes { Array($0) } }
}
