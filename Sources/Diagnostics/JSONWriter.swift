/// The one JSON writer of the project (reports, the JSON Schema export, `eval --format
/// json`, the language server): keys come out in the order they are written (the order
/// `cli.md` shows), strings are escaped per RFC 8259 with non-ASCII kept as UTF-8, and
/// nothing depends on hashing or the clock, so the same calls give the same bytes. It lives
/// in the lowest module so that every module writes and escapes JSON alike.
///
/// It appends UTF-8 bytes as it goes (a byte append is a copy, a `String` append is a call
/// into the string runtime for every comma and quote), so a caller can write one value,
/// take `output`, and start again (JSONL lines) without building a tree first.
public struct JSONWriter: Sendable {
    /// The text written so far.
    public var output: String { bytes.withBytes { String(decoding: $0, as: UTF8.self) } }
    /// The UTF-8 of `output`, without making a `String` (its UTF-8 check and copy): for a
    /// caller that sends the bytes on, as a server's answer body.
    public var utf8: [UInt8] { bytes.array }
    /// How many bytes are written: a streaming caller hands them on past a threshold.
    public var byteCount: Int { bytes.count }
    /// The UTF-8 of `output`: only whole strings and ASCII are appended, so it stays valid.
    private var bytes = OutputBytes(capacity: 256)
    /// Two-space indentation with one member a line; compact when false.
    public let pretty: Bool

    /// An open container.
    private struct Level {
        /// Whether it has a member yet.
        var hasMembers = false
        /// Its members go on one line, `, `-separated (pretty output only).
        var oneLine: Bool
    }

    /// The innermost open container (meaningless when `depth` is 0), kept apart from the
    /// ones around it so that a comma's test is a field read, not an array access.
    private var innermost = Level(oneLine: false)
    /// The containers around `innermost`, outermost first.
    private var enclosing: [Level] = []
    /// How many containers are open.
    private var depth = 0
    /// A key was just written, so the next value follows it on the same line.
    private var afterKey = false

    public init(pretty: Bool = false) {
        self.pretty = pretty
    }

    // MARK: - Containers

    /// Opens an object; with `oneLine`, pretty output keeps it (and what it holds) on one
    /// line as `{"a": 1, "b": [2, 3]}`.
    public mutating func beginObject(oneLine: Bool = false) { open("{", oneLine: oneLine) }
    public mutating func endObject() { close("}") }
    /// Opens an array; `oneLine` as for `beginObject(oneLine:)`.
    public mutating func beginArray(oneLine: Bool = false) { open("[", oneLine: oneLine) }
    public mutating func endArray() { close("]") }

    /// Writes a member name; the next call writes its value.
    public mutating func key(_ name: String) {
        separate()
        Self.appendQuoted(name, to: &bytes)
        if pretty { bytes.append(constant: ": ") } else { bytes.append(UInt8(ascii: ":")) }
        afterKey = true
    }

    /// Writes a member name given as a literal, which must be ASCII with nothing to escape
    /// (checked in debug builds): copied between its quotes as it is, with no escape scan. A
    /// report line writes the same few dozen names for every finding, and through `key(_:)`
    /// they cost a quarter of the line.
    public mutating func key(literal name: StaticString) {
        assert(Self.isPlainName(name), "\(name) needs escaping: write it with key(_:)")
        separate()
        // A string literal's bytes are in the binary (`utf8Start`); a closure over
        // `withUTF8Buffer` was not inlined and cost half of writing the name.
        let count = name.utf8CodeUnitCount
        let target = bytes.space(for: count &+ 4)
        target[0] = 0x22
        OutputBytes.copy(name.utf8Start, count: count, to: target + 1)
        target[count &+ 1] = 0x22
        target[count &+ 2] = UInt8(ascii: ":")
        target[count &+ 3] = UInt8(ascii: " ")
        bytes.didWrite(count &+ (pretty ? 4 : 3))
        afterKey = true
    }

    /// `key(literal:)` and a string value (null for nil).
    public mutating func field(literal name: StaticString, _ value: String?) {
        key(literal: name)
        string(value)
    }

    /// `key(literal:)` and an integer.
    public mutating func field(literal name: StaticString, _ value: Int) {
        key(literal: name)
        int(value)
    }

    /// Whether `name` is printable ASCII without a quote or a backslash.
    private static func isPlainName(_ name: StaticString) -> Bool {
        name.withUTF8Buffer { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C } }
    }

    // MARK: - Scalars

    /// `"name": "value"` (null for nil) — a key and its string value in one call.
    public mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    /// `"name": value` for an integer.
    public mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    public mutating func string(_ value: String) {
        separate()
        Self.appendQuoted(value, to: &bytes)
    }

    /// A string, or `null` when absent.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func int(_ value: Int) {
        int(Int64(value))
    }

    /// Written digit by digit into the bytes (no `String` made): `String(value)`'s text.
    public mutating func int(_ value: Int64) {
        separate()
        DecimalDigits.withText(of: value) { bytes.append($0) }
    }

    /// A number; NaN and the infinities, which JSON cannot hold, as the strings
    /// `"NaN"`, `"Infinity"`, `"-Infinity"` (the `eval --format json` convention).
    public mutating func double(_ value: Double) {
        guard value.isFinite else {
            string(value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity"))
            return
        }
        separate()
        bytes.append(utf8Of: value.description)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(constant: value ? "true" : "false")
    }

    public mutating func null() {
        separate()
        bytes.append(constant: "null")
    }

    /// Appends JSON text produced elsewhere (another writer's `output`) as one value.
    public mutating func raw(_ json: String) {
        separate()
        bytes.append(utf8Of: json)
    }

    /// Ends a line after a whole value (JSON Lines), so one writer can hold several lines.
    public mutating func lineBreak() {
        bytes.append(0x0A)
    }

    /// Forgets what was written, keeping the buffer's capacity, once the bytes are handed on.
    public mutating func removeAll() {
        bytes.removeAll()
        enclosing.removeAll(keepingCapacity: true)
        depth = 0
        afterKey = false
    }

    /// The UTF-8 of `output`, valid during `body`: for a caller that hands the bytes on
    /// without an array of them.
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try bytes.withBytes(body)
    }

    // MARK: - Layout

    private mutating func open(_ bracket: StaticString, oneLine: Bool) {
        separate()
        bytes.append(constant: bracket)
        let level = Level(oneLine: oneLine || (depth > 0 && innermost.oneLine))
        if depth > 0 { enclosing.append(innermost) }
        innermost = level
        depth += 1
    }

    private mutating func close(_ bracket: StaticString) {
        if depth > 0 {
            let level = innermost
            depth -= 1
            if depth > 0 { innermost = enclosing.removeLast() }
            if pretty, level.hasMembers, !level.oneLine { newline() }
        }
        bytes.append(constant: bracket)
    }

    /// Writes the comma and line break that go before a value or key.
    @inline(__always)
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if !pretty {
            if innermost.hasMembers { bytes.append(UInt8(ascii: ",")) }
            innermost.hasMembers = true
            return
        }
        let oneLine = innermost.oneLine
        if innermost.hasMembers { bytes.append(constant: oneLine ? ", " : ",") }
        innermost.hasMembers = true
        if !oneLine { newline() }
    }

    /// A line break and the indentation of `depth`.
    private mutating func newline() {
        if depth < Self.lineBreaks.count {
            Self.lineBreaks[depth].withUnsafeBytes { bytes.append($0) }
        } else {
            bytes.append(utf8Of: "\n" + String(repeating: "  ", count: depth))
        }
    }

    /// A line break and the indentation of each shallow depth, built once: building them at
    /// every line cost about a seventh of writing a pretty report.
    private static let lineBreaks: [[UInt8]] = (0..<16).map { [0x0A] + Array(repeating: 0x20, count: 2 * $0) }

    // MARK: - Escaping

    /// `value` as a JSON string literal, quotes included: the one JSON string escaper.
    public static func quoted(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `"value"` escaped per RFC 8259 (`writeQuoted`). Public for texts written as
    /// bytes (`quoted`'s bytes).
    public static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        withUTF8(of: value) { utf8 in
            let first = firstByteToEscape(utf8)
            let length = quotedLength(utf8, from: first)
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: length))
            bytes.withUnsafeMutableBufferPointer {
                writeQuoted(utf8, from: first, length: length, at: $0.baseAddress! + start)
            }
        }
    }

    /// The writer's own: the exact room is asked for once and the text copied into it.
    private static func appendQuoted(_ value: String, to bytes: inout OutputBytes) {
        withUTF8(of: value) { utf8 in
            let first = firstByteToEscape(utf8)
            let length = first == utf8.count ? first &+ 2 : quotedLength(utf8, from: first)
            writeQuoted(utf8, from: first, length: length, at: bytes.space(for: length))
            bytes.didWrite(length)
        }
    }

    /// A string's UTF-8 in place, with no copy of the `String` (and so no reference counted)
    /// when its storage is contiguous UTF-8, as every native string's is.
    @inline(__always)
    private static func withUTF8<Result>(of value: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = value.utf8.withContiguousStorageIfAvailable(body) { return result }
        var value = value
        return value.withUTF8(body)
    }

    /// Where the first byte JSON escapes is (a control character, a quote or a backslash), or
    /// `utf8.count` when none is, as usual. Eight bytes are tested at a time
    /// (`mayNeedEscape`), the last eight too when the length is not a multiple of eight (they
    /// overlap bytes already tested), so only strings shorter than a word, or a word that
    /// holds such a byte, are looked at byte by byte.
    @inline(__always)
    private static func firstByteToEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = utf8.baseAddress else { return 0 }
        let count = utf8.count
        var index = 0
        if count >= 8 {
            func word(at offset: Int) -> UInt64 { UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) }
            while index &+ 16 <= count, !mayNeedEscape(word(at: index), word(at: index &+ 8)) {
                index &+= 16
            }
            while index &+ 8 <= count {
                if mayNeedEscape(word(at: index)) { break }
                index &+= 8
            }
            if index &+ 8 > count, !mayNeedEscape(word(at: count &- 8)) {
                return count
            }
        }
        while index < count {
            if needsEscape(base[index]) { return index }
            index &+= 1
        }
        return count
    }

    /// Whether JSON escapes `byte` in a string.
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

    /// How many bytes `"utf8"` escaped takes, `first` being where its first byte to escape is
    /// (`firstByteToEscape`): for the usual text, with none, this looks at no byte.
    private static func quotedLength(_ utf8: UnsafeBufferPointer<UInt8>, from first: Int) -> Int {
        var length = utf8.count + 2
        forEachByteToEscape(utf8, from: first) { _, byte in length += escape(byte).utf8CodeUnitCount - 1 }
        return length
    }

    /// Writes `"utf8"` escaped at `target`, which has room for its `length`
    /// (`quotedLength`): quote, backslash and control characters are escaped; everything else,
    /// non-ASCII included, is copied as is in runs. Runs are cut on ASCII bytes only, so every
    /// run is whole UTF-8 and a combining mark after a quote stays intact.
    @inline(__always)
    private static func writeQuoted(
        _ utf8: UnsafeBufferPointer<UInt8>, from first: Int, length: Int, at target: UnsafeMutablePointer<UInt8>
    ) {
        target[0] = 0x22
        target[length &- 1] = 0x22
        guard let base = utf8.baseAddress else { return }
        var written = 1
        var runStart = 0
        func copyRun(upTo end: Int) {
            OutputBytes.copy(base + runStart, count: end &- runStart, to: target + written)
            written &+= end &- runStart
        }
        if first < utf8.count {
            forEachByteToEscape(utf8, from: first) { index, byte in
                copyRun(upTo: index)
                let escaped = escape(byte)
                OutputBytes.copy(escaped.utf8Start, count: escaped.utf8CodeUnitCount, to: target + written)
                written &+= escaped.utf8CodeUnitCount
                runStart = index &+ 1
            }
        }
        copyRun(upTo: utf8.count)
    }

    /// Calls `body` with the index and value of each byte that JSON escapes, in order, from
    /// `start` on; a word of eight bytes with none is passed over in one test.
    private static func forEachByteToEscape(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int, _ body: (Int, UInt8) -> Void) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        var index = start
        while index &+ 8 <= count {
            if mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                for byteIndex in index..<(index &+ 8) where needsEscape(base[byteIndex]) { body(byteIndex, base[byteIndex]) }
            }
            index &+= 8
        }
        while index < count {
            if needsEscape(base[index]) { body(index, base[index]) }
            index &+= 1
        }
    }

    /// Whether one of the eight bytes of `word` is a control character, a quote or a
    /// backslash (exact, by the bit tricks for "has a byte less than n" and "has a zero byte").
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        escapeBits(word) != 0
    }

    /// The same for sixteen bytes in two words, tested at once.
    @inline(__always)
    static func mayNeedEscape(_ first: UInt64, _ second: UInt64) -> Bool {
        escapeBits(first) | escapeBits(second) != 0
    }

    /// Nonzero when a byte of `word` is below 0x20, a quote or a backslash.
    @inline(__always)
    private static func escapeBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let control = (word &- ones &* 0x20) & ~word
        return (control | hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C))) & highs
    }

    /// The escape of a byte below 0x20, a quote or a backslash: the short forms JSON has,
    /// else `\u00xx` in lower-case hex.
    private static func escape(_ byte: UInt8) -> StaticString {
        switch byte {
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        default: return controlEscapes[Int(byte)]
        }
    }

    /// `\u0000` … `\u001f`, the escapes of the control characters without a short form.
    private static let controlEscapes: [StaticString] = [
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\u0008", "\\u0009", "\\u000a", "\\u000b", "\\u000c", "\\u000d", "\\u000e", "\\u000f",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    ]
}
