import YAML

/// The paths of the files a screening reads, held in blocks of UTF-8 bytes: about the path's
/// length plus 8 bytes each (12 once sorted), where a `[String]` of paths longer than 15
/// bytes costs a heap object each (about 100 bytes for a 32-byte path). The folder that
/// every path of a listing starts with is held once (`prefix`), so a folder of a million
/// dossiers is listed in ~31 MB (their names and positions) instead of ~100 MB, and growing
/// the list never copies the paths already in it (`docs/performance.md`, "Memory"). Each
/// path is made a `String` again only when it is read.
public struct PathList: RandomAccessCollection, Sendable, Equatable {
    /// The bytes every path starts with, held once; the blocks hold what follows them.
    private let prefix: [UInt8]
    /// Blocks of `blockSize` bytes (more for a longer path); a path never spans two blocks.
    private var blocks: [[UInt8]] = []
    /// Per path, in the order added: its block << 32 | its first byte in the block. It ends
    /// where the next path of the same block starts, or at the end of the block.
    private var starts: [UInt64] = []
    /// The paths' order when it is not the order they were added in (after sorting).
    private var order: [UInt32]?
    private static let blockSize = 1 << 20

    /// An empty list whose paths will all start with `prefix` (a listed folder and its `/`).
    public init(prefix: String = "") {
        self.init(prefixBytes: Array(prefix.utf8))
    }

    private init(prefixBytes: [UInt8]) {
        prefix = prefixBytes
    }

    public init(_ paths: some Sequence<String>) {
        prefix = []
        for path in paths { append(path) }
    }

    /// Adds `path`, which must start with the list's prefix.
    public mutating func append(_ path: String) {
        precondition(path.utf8.starts(with: prefix), "\(path) is outside the listed folder")
        if order != nil {
            // Appending after a sort keeps the sorted order first, then the new paths.
            order!.append(UInt32(truncatingIfNeeded: starts.count))
        }
        let rest = path.utf8.dropFirst(prefix.count)
        if blocks.isEmpty || blocks[blocks.count - 1].count + rest.count > Self.blockSize { blocks.append([]) }
        let block = blocks.count - 1
        starts.append(UInt64(block) << 32 | UInt64(blocks[block].count))
        blocks[block].append(contentsOf: rest)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }

    public subscript(position: Int) -> String {
        let (block, range) = location(order.map { Int($0[position]) } ?? position)
        let rest = blocks[block][range]
        guard !prefix.isEmpty else { return String(decoding: rest, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: prefix.count + rest.count) { buffer in
            let afterPrefix = buffer.initialize(fromContentsOf: prefix)
            return buffer[afterPrefix...].initialize(fromContentsOf: rest)
        }
    }

    /// The block and byte range of the path added `index`th.
    private func location(_ index: Int) -> (block: Int, range: Range<Int>) {
        let block = Int(starts[index] >> 32)
        let start = Int(starts[index] & 0xFFFF_FFFF)
        let next = index + 1 < starts.count && Int(starts[index + 1] >> 32) == block
        return (block, start..<(next ? Int(starts[index + 1] & 0xFFFF_FFFF) : blocks[block].count))
    }

    /// The same paths sorted by their UTF-8 bytes (`DossierFinder.sortedByBytes`), duplicates
    /// kept: only an order of 4 bytes a path is added, the paths are not copied.
    ///
    /// The paths of a folder share a long prefix (`/data/slate/dossier-0`), and a folder is
    /// listed in hash order, so comparing whole paths went over that prefix about 17 times a
    /// path at 100,000 of them, before any dossier could start. Each path is first known by
    /// the 8 bytes after the prefix they all share (big-endian, so integer order is byte
    /// order; zero past the end, which no path byte is); only paths equal there are compared
    /// on, with `memcmp` (`UTF8Bytes.order`).
    public func sortedByBytes() -> PathList {
        let shared = sharedPrefixLength()
        var keyed = [(key: UInt64, path: UInt32)]()
        keyed.reserveCapacity(count)
        for path in 0..<count {
            let (block, range) = location(path)
            let key = blocks[block].withUnsafeBufferPointer { bytes in
                var key: UInt64 = 0
                for offset in 0..<8 {
                    let index = range.lowerBound + shared + offset
                    key = key << 8 | UInt64(index < range.upperBound ? bytes[index] : 0)
                }
                return key
            }
            keyed.append((key, UInt32(truncatingIfNeeded: path)))
        }
        keyed.sort { left, right in
            left.key != right.key ? left.key < right.key : bytesPrecede(Int(left.path), Int(right.path), from: shared + 8)
        }
        var sorted = self
        sorted.order = keyed.map(\.path)
        return sorted
    }

    /// How many leading bytes every path has in common.
    private func sharedPrefixLength() -> Int {
        guard count > 0 else { return 0 }
        let (firstBlock, firstRange) = location(0)
        var shared = firstRange.count
        for path in 1..<count where shared > 0 {
            let (block, range) = location(path)
            blocks[firstBlock].withUnsafeBufferPointer { first in
                blocks[block].withUnsafeBufferPointer { other in
                    var length = 0
                    let limit = Swift.min(shared, range.count)
                    while length < limit && first[firstRange.lowerBound + length] == other[range.lowerBound + length] {
                        length += 1
                    }
                    shared = length
                }
            }
        }
        return shared
    }

    /// Whether the path added `left`th comes before the one added `right`th by their bytes
    /// from `offset` on (the bytes before are known equal).
    private func bytesPrecede(_ left: Int, _ right: Int, from offset: Int) -> Bool {
        let (leftBlock, leftRange) = location(left)
        let (rightBlock, rightRange) = location(right)
        let leftCount = Swift.max(0, leftRange.count - offset), rightCount = Swift.max(0, rightRange.count - offset)
        return blocks[leftBlock].withUnsafeBufferPointer { leftBytes in
            blocks[rightBlock].withUnsafeBufferPointer { rightBytes in
                UTF8Bytes.order(
                    UnsafeBufferPointer(rebasing: leftBytes[(leftRange.upperBound - leftCount)..<leftRange.upperBound]),
                    UnsafeBufferPointer(rebasing: rightBytes[(rightRange.upperBound - rightCount)..<rightRange.upperBound])
                ) < 0
            }
        }
    }

    /// The paths for which `isIncluded` holds, in order.
    public func filter(_ isIncluded: (String) throws -> Bool) rethrows -> PathList {
        var kept = PathList(prefixBytes: prefix)
        for path in self where try isIncluded(path) { kept.append(path) }
        return kept
    }

    public static func == (left: PathList, right: PathList) -> Bool {
        left.elementsEqual(right)
    }
}
