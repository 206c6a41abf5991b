/// String literals: single, double and triple quotes, raw `r` prefix, and every CEL escape
/// (`\a \b \f \n \r \t \v \\ \' \" \` \?`, `\xHH`, `\uHHHH`, `\UHHHHHHHH`, octal `\ooo`).
extension Lexer {
    mutating func string(start: Int, prefixLength: Int) throws(SyntaxError) -> Token {
        var raw = false
        for i in 0..<prefixLength {
            switch bytes[index + i] {
            case UInt8(ascii: "b"), UInt8(ascii: "B"):
                throw SyntaxError("bytes literals are not supported", start..<index + prefixLength + 1)
            default: raw = true
            }
        }
        index += prefixLength
        let quote = bytes[index]
        let triple = peek(1) == quote && peek(2) == quote
        index += triple ? 3 : 1
        var out: [UInt8] = []
        while true {
            guard let c = peek() else { throw SyntaxError("unterminated string literal", start..<index) }
            if c == quote {
                if !triple {
                    index += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    index += 3
                    break
                }
            }
            if !triple && (c == 0x0A || c == 0x0D) {
                throw SyntaxError("unterminated string literal", start..<index)
            }
            if c == UInt8(ascii: "\\") && !raw {
                try escape(into: &out)
            } else {
                out.append(c)
                index += 1
            }
        }
        return Token(.string(String(decoding: out, as: UTF8.self)), start..<index)
    }

    /// Decodes one escape sequence at `index` (which points at the backslash).
    mutating func escape(into out: inout [UInt8]) throws(SyntaxError) {
        let start = index
        guard let c = peek(1) else { throw SyntaxError("unterminated string literal", start..<index + 1) }
        index += 2
        let simple: UInt8? =
            switch c {
            case UInt8(ascii: "a"): 0x07
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            case UInt8(ascii: "v"): 0x0B
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"),
                UInt8(ascii: "?"):
                c
            default: nil
            }
        if let simple {
            out.append(simple)
            return
        }
        let value: UInt32
        switch c {
        case UInt8(ascii: "x"), UInt8(ascii: "X"): value = try hexDigits(2, start: start)
        case UInt8(ascii: "u"): value = try hexDigits(4, start: start)
        case UInt8(ascii: "U"): value = try hexDigits(8, start: start)
        case 0x30...0x33:
            guard let d1 = peek(), (0x30...0x37).contains(d1), let d2 = peek(1), (0x30...0x37).contains(d2) else {
                throw SyntaxError("invalid octal escape", start..<index)
            }
            value = UInt32(c - 0x30) * 64 + UInt32(d1 - 0x30) * 8 + UInt32(d2 - 0x30)
            index += 2
        default:
            throw SyntaxError("invalid escape sequence", start..<index)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw SyntaxError("invalid Unicode code point in escape", start..<index)
        }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    mutating func hexDigits(_ count: Int, start: Int) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let c = peek(), let digit = hexValue(c) else {
                throw SyntaxError("invalid escape sequence: expected \(count) hex digits", start..<index)
            }
            value = value &* 16 &+ digit
            index += 1
        }
        return value
    }
}
