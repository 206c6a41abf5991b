/// The YAML 1.2 core schema (§10.3.2) over the UTF-8 bytes of a scalar, without Foundation
/// and without regular expressions, since it runs on every plain scalar of every file.
enum ScalarResolver {
    /// The typed value of a plain scalar: null, bool, int, float, else string.
    static func resolvePlain(_ text: String) -> ResolvedScalar {
        if isNull(text) { return .null }
        if let value = bool(text) { return .bool(value) }
        if isIntSyntax(text) {
            return int(text).map(ResolvedScalar.int) ?? .string(text)
        }
        if let value = double(text) { return .double(value) }
        return .string(text)
    }

    /// `~`, `null`, `Null`, `NULL` and the empty scalar.
    static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": true
        default: false
        }
    }

    /// `true`/`True`/`TRUE` and `false`/`False`/`FALSE`; nil for anything else.
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`; nil when not an int or out of range.
    static func int(_ text: String) -> Int64? {
        let utf8 = text.utf8
        guard isIntSyntax(text) else { return nil }
        if utf8.count > 2, utf8.first == UInt8(ascii: "0") {
            let marker = utf8[utf8.index(after: utf8.startIndex)]
            if marker == UInt8(ascii: "o") { return Int64(text.dropFirst(2), radix: 8) }
            if marker == UInt8(ascii: "x") { return Int64(text.dropFirst(2), radix: 16) }
        }
        return Int64(text)
    }

    /// Whether `text` has the shape of a core-schema int (whatever its size).
    static func isIntSyntax(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") { return bytes[2...].allSatisfy { (0x30...0x37).contains($0) } }
            if bytes[1] == UInt8(ascii: "x") { return bytes[2...].allSatisfy(isHexDigit) }
        }
        let digits = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// A core-schema float (`1.5`, `-.5`, `1e3`, `.inf`, `-.Inf`, `.nan`), or an int read as
    /// a double (for `!!float 1`); nil otherwise.
    static func double(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        if isIntSyntax(text), let value = int(text) { return Double(value) }
        return isFloatSyntax(text) ? Double(text) : nil
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    private static func isFloatSyntax(_ text: String) -> Bool {
        var rest = Array(text.utf8)[...]
        if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { rest = rest.dropFirst() }
        let whole = rest.prefix(while: isDigit)
        rest = rest.dropFirst(whole.count)
        var fraction: ArraySlice<UInt8> = []
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        if let marker = rest.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { rest = rest.dropFirst() }
            let exponent = rest.prefix(while: isDigit)
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
