import CEL
import Diagnostics

/// Appends the pieces of a record (`RecordCodec`): tags, LEB128 integers, strings and
/// source origins.
struct RecordWriter {
    /// The file most origins name, written once at the head of the record.
    let file: String
    var bytes: [UInt8] = []

    init(file: String) {
        self.file = file
        bytes.reserveCapacity(512)
    }

    mutating func tag(_ byte: UInt8) { bytes.append(byte) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Zig-zag, so that small negative numbers stay short.
    mutating func signed(_ value: Int64) {
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func fixed(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// What `body` writes, after its byte length (4 bytes, little-endian): a reader that does
    /// not need it skips it in one step (`RecordReader.measured()`).
    mutating func measured(_ body: (inout RecordWriter) -> Void) {
        let start = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        body(&self)
        let length = UInt32(clamping: bytes.count - start - 4)
        for index in 0..<4 { bytes[start + index] = UInt8(truncatingIfNeeded: length >> UInt32(8 * index)) }
    }

    mutating func string(_ text: String) {
        let utf8 = text.utf8
        unsigned(UInt64(utf8.count))
        // In place when contiguous (every native string): the view's own append went a
        // character run at a time, about 190 instructions a string.
        if utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: utf8)
        }
    }

    /// 0: none; 1: in the record's file; 2: in another file, named.
    mutating func origin(_ origin: ValueOrigin?) {
        guard let origin else { return tag(0) }
        if origin.location.file == file {
            tag(1)
        } else {
            tag(2)
            string(origin.location.file)
        }
        unsigned(UInt64(max(0, origin.location.line)))
        unsigned(UInt64(max(0, origin.location.column)))
        unsigned(UInt64(max(0, origin.end?.line ?? 0)))
        unsigned(UInt64(max(0, origin.end?.column ?? 0)))
        string(origin.path)
    }
}

/// Reads what `RecordWriter` wrote; every read is bounds-checked and gives nil past the end
/// or on a malformed piece.
struct RecordReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int
    /// The record's file, once read from its head.
    var file = ""

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    var atEnd: Bool { position == bytes.endIndex }

    mutating func byte() -> UInt8? {
        guard position < bytes.endIndex else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func unsigned() -> UInt64? {
        var value: UInt64 = 0
        for shift in stride(from: UInt64(0), to: 64, by: 7) {
            guard let byte = byte() else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
        }
        return nil
    }

    mutating func signed() -> Int64? {
        unsigned().map { Int64(bitPattern: ($0 >> 1) ^ (0 &- ($0 & 1))) }
    }

    /// A count or index that fits what is left to read (each element takes a byte or more).
    mutating func count() -> Int? {
        guard let value = unsigned(), value <= UInt64(bytes.endIndex - position) else { return nil }
        return Int(value)
    }

    /// Where the next read starts, to check a measured piece's length.
    var offset: Int { position }

    /// The byte length written before a measured piece (`RecordWriter.measured`), when the
    /// piece fits what is left to read.
    mutating func measured() -> Int? {
        guard position + 4 <= bytes.endIndex else { return nil }
        var length = 0
        for index in 0..<4 { length |= Int(bytes[position + index]) << (8 * index) }
        position += 4
        return length <= bytes.endIndex - position ? length : nil
    }

    /// Moves past `count` bytes known to be there (`measured()`).
    mutating func skip(_ count: Int) { position += count }

    mutating func fixed() -> UInt64? {
        guard position + 8 <= bytes.endIndex else { return nil }
        var value: UInt64 = 0
        for offset in 0..<8 { value |= UInt64(bytes[position + offset]) << UInt64(offset * 8) }
        position += 8
        return value
    }

    mutating func string() -> String? { text(building: true) }

    /// A string; without `building` it is skipped and reads as "" (no `String` is made).
    mutating func text(building: Bool) -> String? {
        guard let length = count() else { return nil }
        defer { position += length }
        return building ? String(decoding: bytes[position..<position + length], as: UTF8.self) : ""
    }

    /// nil when malformed; `.some(nil)` when the writer had no origin.
    mutating func origin() -> ValueOrigin?? { origin(building: true) }

    /// The same; without `building` the origin is checked and skipped, and reads as none.
    mutating func origin(building: Bool) -> ValueOrigin?? {
        guard let kind = byte() else { return nil }
        let file: String
        switch kind {
        case 0: return .some(nil)
        case 1: file = self.file
        case 2:
            guard let named = text(building: building) else { return nil }
            file = named
        default: return nil
        }
        guard let line = unsigned(), let column = unsigned(), let endLine = unsigned(), let endColumn = unsigned(),
            let path = text(building: building), let lineNumber = Int(exactly: line), let columnNumber = Int(exactly: column),
            let endLineNumber = Int(exactly: endLine), let endColumnNumber = Int(exactly: endColumn)
        else { return nil }
        guard building else { return .some(nil) }
        let end = endLineNumber > 0 ? SourceLocation(file: file, line: endLineNumber, column: endColumnNumber) : nil
        return .some(ValueOrigin(
            location: SourceLocation(file: file, line: lineNumber, column: columnNumber), path: path, end: end))
    }
}
