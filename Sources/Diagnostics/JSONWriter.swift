/// The one JSON writer of the project (reports, the JSON Schema export, `eval --format
/// json`, the language server): keys come out in the order they are written (the order
/// `cli.md` shows), strings are escaped per RFC 8259 with non-ASCII kept as UTF-8, and
/// nothing depends on hashing or the clock, so the same calls give the same bytes. It lives
/// in the lowest module so that every module writes and escapes JSON alike.
///
/// It appends to a `String` as it goes, so a caller can write one value, take `output`,
/// and start again (JSONL lines) without building a tree first.
public struct JSONWriter: Sendable {
    /// The text written so far.
    public private(set) var output = ""
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
        output.reserveCapacity(256)
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
        Self.appendQuoted(name, to: &output)
        output += pretty ? ": " : ":"
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
        Self.appendQuoted(value, to: &output)
    }

    /// A string, or `null` when absent.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func int(_ value: Int) {
        separate()
        output += String(value)
    }

    public mutating func int(_ value: Int64) {
        separate()
        output += String(value)
    }

    /// A number; NaN and the infinities, which JSON cannot hold, as the strings
    /// `"NaN"`, `"Infinity"`, `"-Infinity"` (the `eval --format json` convention).
    public mutating func double(_ value: Double) {
        guard value.isFinite else {
            string(value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity"))
            return
        }
        separate()
        output += value.description
    }

    public mutating func bool(_ value: Bool) {
        separate()
        output += value ? "true" : "false"
    }

    public mutating func null() {
        separate()
        output += "null"
    }

    /// Appends JSON text produced elsewhere (another writer's `output`) as one value.
    public mutating func raw(_ json: String) {
        separate()
        output += json
    }

    // MARK: - Layout

    private mutating func open(_ bracket: String, oneLine: Bool) {
        separate()
        output += bracket
        levels.append(Level(oneLine: oneLine || levels.last?.oneLine == true))
    }

    private mutating func close(_ bracket: String) {
        let level = levels.popLast()
        if pretty, let level, level.hasMembers, !level.oneLine { newline() }
        output += bracket
    }

    /// Writes the comma and line break that go before a value or key.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = levels.indices.last else { return }
        let oneLine = pretty && levels[last].oneLine
        if levels[last].hasMembers { output += oneLine ? ", " : "," }
        levels[last].hasMembers = true
        if pretty && !oneLine { newline() }
    }

    private mutating func newline() {
        let depth = levels.count
        output += depth < Self.lineBreaks.count ? Self.lineBreaks[depth] : "\n" + String(repeating: "  ", count: depth)
    }

    /// A line break and the indentation of each shallow depth, built once: building them at
    /// every line cost about a seventh of writing a pretty report.
    private static let lineBreaks: [String] = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }

    // MARK: - Escaping

    /// `value` as a JSON string literal, quotes included: the one JSON string escaper.
    public static func quoted(_ value: String) -> String {
        var text = ""
        appendQuoted(value, to: &text)
        return text
    }

    /// Appends `"value"` escaped per RFC 8259: quote, backslash and control characters;
    /// everything else, non-ASCII included, is copied as is in runs. Runs are cut on
    /// Unicode scalars, not Characters, so a combining mark after a quote stays intact.
    ///
    /// Runs are appended as UTF-8 slices: `output.unicodeScalars.append(contentsOf:)` copies
    /// the whole output on every call, which made a large slate line quadratic.
    private static func appendQuoted(_ value: String, to output: inout String) {
        output += "\""
        let utf8 = value.utf8
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            output += value
            output += "\""
            return
        }
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                output += String(decoding: utf8[runStart..<index], as: UTF8.self)
                output += JSONWriter.escape(byte)
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += String(decoding: utf8[runStart..<utf8.endIndex], as: UTF8.self)
        output += "\""
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
