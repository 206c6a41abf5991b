/// Splits CEL source text into tokens, decoding literals (all CEL escapes, raw and
/// triple-quoted strings, hex ints). Offsets are UTF-8 byte offsets into the text.
public struct Lexer {
    let bytes: [UInt8]
    var index = 0
    /// Whether the previous token ends an operand, so a following `.5` is member access.
    var afterOperand = false

    public init(_ text: String) { bytes = Array(text.utf8) }

    /// Words CEL reserves: they may not name variables or global functions, but may follow
    /// `.` as a field or method name (cel-spec langdef: `SELECTOR` excludes only the keywords
    /// `true`, `false`, `null` and `in`, which have tokens of their own). The parser checks.
    static let reserved: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
        "loop", "package", "namespace", "return", "var", "void", "while",
    ]

    /// Every token up to and including `.end`, or the first lexical error.
    public static func tokenize(_ text: String) throws(SyntaxError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// The next token, skipping white space and `//` comments.
    public mutating func next() throws(SyntaxError) -> Token {
        let token = try scan()
        switch token.kind {
        case .identifier, .quotedIdentifier, .int, .double, .string, .true, .false, .null, .rightParen, .rightBracket,
             .rightBrace:
            afterOperand = true
        default:
            afterOperand = false
        }
        return token
    }

    mutating func scan() throws(SyntaxError) -> Token {
        skipTrivia()
        let start = index
        guard let c = peek() else { return Token(.end, start..<start) }
        if isDigit(c) || (c == UInt8(ascii: ".") && !afterOperand && peek(1).map(isDigit) == true) {
            return try number()
        }
        if isIdentStart(c) {
            if let quote = stringPrefixQuote() { return try string(start: start, prefixLength: quote) }
            return try word()
        }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { return try string(start: start, prefixLength: 0) }
        if c == UInt8(ascii: "`") { return try quotedIdentifier() }
        return try punctuation(start: start)
    }

    mutating func skipTrivia() {
        while let c = peek() {
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                index += 1
            } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                while let d = peek(), d != 0x0A { index += 1 }
            } else {
                return
            }
        }
    }

    func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }

    /// For `r"..."`, `R'...'`, `b"..."` the length of the prefix (1 or 2), else nil.
    func stringPrefixQuote() -> Int? {
        var n = 0
        while let c = peek(n), n < 2, "rRbB".utf8.contains(c) { n += 1 }
        guard n > 0, let q = peek(n), q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") else { return nil }
        return n
    }

    mutating func word() throws(SyntaxError) -> Token {
        let start = index
        while let c = peek(), isIdentStart(c) || isDigit(c) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        let range = start..<index
        switch text {
        case "true": return Token(.true, range)
        case "false": return Token(.false, range)
        case "null": return Token(.null, range)
        case "in": return Token(.in, range)
        default:
            return Token(.identifier(text), range)
        }
    }

    /// `` `name` ``: one or more letters, digits, `_`, `.`, `-`, `/` or spaces in backticks
    /// (cel-spec's quoted field selection, as cel-go reads it).
    mutating func quotedIdentifier() throws(SyntaxError) -> Token {
        let start = index
        index += 1
        while let c = peek(), c != UInt8(ascii: "`") {
            guard isIdentStart(c) || isDigit(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-")
                || c == UInt8(ascii: "/") || c == UInt8(ascii: " ")
            else {
                let end = Self.scalarEnd(bytes, from: index)
                let text = String(decoding: bytes[index..<end], as: UTF8.self)
                throw SyntaxError(
                    "'\(text)' cannot be part of a quoted field name (letters, digits, _ . - / and spaces only)",
                    index..<end)
            }
            index += 1
        }
        guard peek() == UInt8(ascii: "`") else { throw SyntaxError("unterminated quoted field name", start..<index) }
        index += 1
        guard index - start > 2 else { throw SyntaxError("empty quoted field name", start..<index) }
        return Token(.quotedIdentifier(String(decoding: bytes[(start + 1)..<(index - 1)], as: UTF8.self)), start..<index)
    }

    mutating func punctuation(start: Int) throws(SyntaxError) -> Token {
        let c = bytes[index]
        let two: Token.Kind? =
            switch (c, peek(1)) {
            case (UInt8(ascii: "="), UInt8(ascii: "=")): .equal
            case (UInt8(ascii: "!"), UInt8(ascii: "=")): .notEqual
            case (UInt8(ascii: "<"), UInt8(ascii: "=")): .lessEqual
            case (UInt8(ascii: ">"), UInt8(ascii: "=")): .greaterEqual
            case (UInt8(ascii: "&"), UInt8(ascii: "&")): .and
            case (UInt8(ascii: "|"), UInt8(ascii: "|")): .or
            default: nil
            }
        if let two {
            index += 2
            return Token(two, start..<index)
        }
        let one: Token.Kind? =
            switch c {
            case UInt8(ascii: "+"): .plus
            case UInt8(ascii: "-"): .minus
            case UInt8(ascii: "*"): .star
            case UInt8(ascii: "/"): .slash
            case UInt8(ascii: "%"): .percent
            case UInt8(ascii: "<"): .less
            case UInt8(ascii: ">"): .greater
            case UInt8(ascii: "!"): .not
            case UInt8(ascii: "?"): .question
            case UInt8(ascii: ":"): .colon
            case UInt8(ascii: "."): .dot
            case UInt8(ascii: ","): .comma
            case UInt8(ascii: "("): .leftParen
            case UInt8(ascii: ")"): .rightParen
            case UInt8(ascii: "["): .leftBracket
            case UInt8(ascii: "]"): .rightBracket
            case UInt8(ascii: "{"): .leftBrace
            case UInt8(ascii: "}"): .rightBrace
            default: nil
            }
        guard let one else {
            let scalarEnd = Self.scalarEnd(bytes, from: index)
            let text = String(decoding: bytes[index..<scalarEnd], as: UTF8.self)
            throw SyntaxError("unexpected character '\(text)'", index..<scalarEnd)
        }
        index += 1
        return Token(one, start..<index)
    }

    /// The end of the UTF-8 sequence starting at `i`.
    static func scalarEnd(_ bytes: [UInt8], from i: Int) -> Int {
        var end = i + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    // MARK: - Numbers

    mutating func number() throws(SyntaxError) -> Token {
        let start = index
        if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            index += 2
            var value: UInt64 = 0
            let digitsStart = index
            while let c = peek(), let digit = hexValue(c) {
                let (shifted, o1) = value.multipliedReportingOverflow(by: 16)
                let (sum, o2) = shifted.addingReportingOverflow(UInt64(digit))
                if o1 || o2 { throw SyntaxError("integer literal out of range", start..<index + 1) }
                value = sum
                index += 1
            }
            if index == digitsStart { throw SyntaxError("malformed hex literal", start..<index) }
            return try finishInt(value, start: start)
        }
        var isDouble = false
        while let c = peek(), isDigit(c) { index += 1 }
        if peek() == UInt8(ascii: "."), let d = peek(1), isDigit(d) {
            isDouble = true
            index += 1
            while let c = peek(), isDigit(c) { index += 1 }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var look = 1
            if let s = peek(1), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { look = 2 }
            if let d = peek(look), isDigit(d) {
                isDouble = true
                index += look
                while let c = peek(), isDigit(c) { index += 1 }
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isDouble {
            guard let value = Double(text) else { throw SyntaxError("malformed number '\(text)'", start..<index) }
            return Token(.double(value), start..<index)
        }
        guard let value = UInt64(text) else { throw SyntaxError("integer literal out of range", start..<index) }
        return try finishInt(value, start: start)
    }

    mutating func finishInt(_ value: UInt64, start: Int) throws(SyntaxError) -> Token {
        if let c = peek(), c == UInt8(ascii: "u") || c == UInt8(ascii: "U") {
            throw SyntaxError("unsigned integers are not supported", start..<index + 1)
        }
        return Token(.int(value), start..<index)
    }

    func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: UInt32(c - 0x30)
        case 0x41...0x46: UInt32(c - 0x41 + 10)
        case 0x61...0x66: UInt32(c - 0x61 + 10)
        default: nil
        }
    }
}
