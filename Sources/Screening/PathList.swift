/// The paths of the files a screening reads, held as one buffer of UTF-8 bytes: about the
/// path's length plus 8 bytes each, where a `[String]` of paths longer than 15 bytes costs a
/// heap object each (about 100 bytes for a 32-byte path). A folder of a million dossiers is
/// listed in ~40 MB instead of ~100 MB (`docs/performance.md`, "Memory"). Each path is made
/// a `String` again only when it is read.
public struct PathList: RandomAccessCollection, Sendable, Equatable {
    private var bytes: [UInt8] = []
    /// Path i is bytes ends[i - 1] (0 for the first) ..< ends[i].
    private var ends: [Int] = []

    public init() {}

    public init(_ paths: some Sequence<String>) {
        for path in paths { append(path) }
    }

    public mutating func append(_ path: String) {
        bytes.append(contentsOf: path.utf8)
        ends.append(bytes.count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(position: Int) -> String {
        String(decoding: bytes[range(of: position)], as: UTF8.self)
    }

    private func range(of position: Int) -> Range<Int> {
        (position == 0 ? 0 : ends[position - 1])..<ends[position]
    }

    /// The same paths sorted by their UTF-8 bytes (`DossierFinder.sortedByBytes`), duplicates kept.
    public func sortedByBytes() -> PathList {
        var order = Array(0..<Int32(truncatingIfNeeded: count))
        bytes.withUnsafeBufferPointer { bytes in
            order.sort { left, right in
                bytes[range(of: Int(left))].lexicographicallyPrecedes(bytes[range(of: Int(right))])
            }
        }
        var sorted = PathList()
        sorted.bytes.reserveCapacity(bytes.count)
        sorted.ends.reserveCapacity(ends.count)
        for position in order {
            sorted.bytes.append(contentsOf: bytes[range(of: Int(position))])
            sorted.ends.append(sorted.bytes.count)
        }
        return sorted
    }

    /// The paths for which `isIncluded` holds, in order.
    public func filter(_ isIncluded: (String) throws -> Bool) rethrows -> PathList {
        var kept = PathList()
        for path in self where try isIncluded(path) { kept.append(path) }
        return kept
    }
}
