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
    public var output: String { String(decoding: bytes, as: UTF8.self) }
    /// The UTF-8 of `output`, without making a `String` (its UTF-8 check and copy): for a
    /// caller that sends the bytes on, as a server's answer body.
    public var utf8: [UInt8] { bytes }
    /// How many bytes are written: a streaming caller hands them on past a threshold.
    public var byteCount: Int { bytes.count }
    /// The UTF-8 of `output`: only whole strings and ASCII are appended, so it stays valid.
    private var bytes: [UInt8] = []
    /// Two-space indentation with one member a line; compact when false.
    public let pretty: Bool

    /// An open container.
    private struct Level {
        /// Whether it has a member yet.
        var hasMembers = false
        /// Its members go on one line, `, `-separated (pretty output only).
        var oneLine: Bool
    }

    /// One entry per open container.
    private var levels: [Level] = []
    /// A key was just written, so the next value follows it on the same line.
    private var afterKey = false

    public init(pretty: Bool = false) {
        self.pretty = pretty
        bytes.reserveCapacity(256)
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
        appendConstant(pretty ? ": " : ":")
        afterKey = true
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
        DecimalDigits.append(value, to: &bytes)
    }

    /// A number; NaN and the infinities, which JSON cannot hold, as the strings
    /// `"NaN"`, `"Infinity"`, `"-Infinity"` (the `eval --format json` convention).
    public mutating func double(_ value: Double) {
        guard value.isFinite else {
            string(value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity"))
            return
        }
        separate()
        append(value.description)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        appendConstant(value ? "true" : "false")
    }

    public mutating func null() {
        separate()
        appendConstant("null")
    }

    /// Appends JSON text produced elsewhere (another writer's `output`) as one value.
    public mutating func raw(_ json: String) {
        separate()
        append(json)
    }

    /// Ends a line after a whole value (JSON Lines), so one writer can hold several lines.
    public mutating func lineBreak() {
        bytes.append(0x0A)
    }

    /// Forgets what was written, keeping the buffer's capacity, once the bytes are handed on.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        levels.removeAll(keepingCapacity: true)
        afterKey = false
    }

    // MARK: - Layout

    private mutating func open(_ bracket: StaticString, oneLine: Bool) {
        separate()
        appendConstant(bracket)
        levels.append(Level(oneLine: oneLine || levels.last?.oneLine == true))
    }

    private mutating func close(_ bracket: StaticString) {
        let level = levels.popLast()
        if pretty, let level, level.hasMembers, !level.oneLine { newline() }
        appendConstant(bracket)
    }

    /// Writes the comma and line break that go before a value or key.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = levels.indices.last else { return }
        let oneLine = pretty && levels[last].oneLine
        if levels[last].hasMembers { appendConstant(oneLine ? ", " : ",") }
        levels[last].hasMembers = true
        if pretty && !oneLine { newline() }
    }

    private mutating func newline() {
        let depth = levels.count
        if depth < Self.lineBreaks.count {
            bytes.append(contentsOf: Self.lineBreaks[depth])
        } else {
            append("\n" + String(repeating: "  ", count: depth))
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

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Punctuation and keywords: copied from the binary's constant bytes, no `String` touched.
    private mutating func appendConstant(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `"value"` escaped per RFC 8259: quote, backslash and control characters;
    /// everything else, non-ASCII included, is copied as is in runs. Runs are cut on ASCII
    /// bytes only, so every run is whole UTF-8 and a combining mark after a quote stays intact.
    /// Eight bytes are tested at a time (`mayNeedEscape`); only a word that holds a byte to
    /// escape is looked at byte by byte. Public for texts written as bytes (`quoted`'s bytes).
    public static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            let count = utf8.count
            var runStart = 0
            var index = 0
            func look(at index: Int) {
                let byte = base[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                    bytes.append(contentsOf: JSONWriter.escape(byte).utf8)
                    runStart = index + 1
                }
            }
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if mayNeedEscape(word) {
                    for byteIndex in index..<(index + 8) { look(at: byteIndex) }
                }
                index += 8
            }
            while index < count {
                look(at: index)
                index += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
        }
        bytes.append(0x22)
    }

    /// Whether one of the eight bytes of `word` is a control character, a quote or a
    /// backslash (exact, by the bit tricks for "has a byte less than n" and "has a zero byte").
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return control | hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C)) != 0
    }

    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        default:
            let hex = String(byte, radix: 16, uppercase: false)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
