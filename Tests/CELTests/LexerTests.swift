import Testing
@testable import CEL

struct LexerTests {
    static let kinds: [(String, Token.Kind)] = [
        ("abc_1", .identifier("abc_1")), ("42", .int(42)), ("0x1F", .int(31)), ("1.5", .double(1.5)),
        ("1e3", .double(1000)), (".5", .double(0.5)), ("2.5e-1", .double(0.25)), ("'s'", .string("s")),
        ("true", .true), ("false", .false), ("null", .null), ("+", .plus), ("-", .minus), ("*", .star),
        ("/", .slash), ("%", .percent), ("==", .equal), ("!=", .notEqual), ("<", .less), ("<=", .lessEqual),
        (">", .greater), (">=", .greaterEqual), ("&&", .and), ("||", .or), ("!", .not), ("?", .question),
        (":", .colon), ("in", .in), (".", .dot), (",", .comma), ("(", .leftParen), (")", .rightParen),
        ("[", .leftBracket), ("]", .rightBracket), ("{", .leftBrace), ("}", .rightBrace),
    ]

    @Test(arguments: kinds)
    func tokenKind(text: String, kind: Token.Kind) throws {
        let tokens = try Lexer.tokenize(text)
        #expect(tokens.map(\.kind) == [kind, .end])
        #expect(tokens[0].range == 0..<text.utf8.count)
    }

    static let escapes: [(String, String)] = [
        (#"'\a\b\f\n\r\t\v'"#, "\u{07}\u{08}\u{0C}\n\r\t\u{0B}"),
        (#"'\\\'\"\`\?'"#, "\\'\"`?"),
        (#"'\x41\X42'"#, "AB"), (#"'\u270c'"#, "\u{270C}"), (#"'\U0001f431'"#, "\u{1F431}"),
        (#"'\101\060'"#, "A0"), (#"r'\n'"#, "\\n"), (#"R"\x""#, "\\x"),
        ("'''a'b\nc'''", "a'b\nc"), (#""""x"y""""#, "x\"y"), ("'ấ'", "ấ"), (#""""#, ""),
    ]

    @Test(arguments: escapes)
    func stringEscape(text: String, decoded: String) throws {
        let tokens = try Lexer.tokenize(text)
        #expect(tokens[0].kind == .string(decoded))
    }

    @Test func positionsAreUTF8Offsets() throws {
        let tokens = try Lexer.tokenize("'ấ' + x // comment\n&& y")
        #expect(tokens.map(\.range) == [0..<5, 6..<7, 8..<9, 21..<23, 24..<25, 25..<25])
    }

    static let errors: [(String, String, Range<Int>)] = [
        ("'abc", "unterminated string literal", 0..<4),
        (#"'\q'"#, "invalid escape sequence", 1..<3),
        (#"'\u12'"#, "invalid escape sequence: expected 4 hex digits", 1..<5),
        (#"'\ud800'"#, "invalid Unicode code point in escape", 1..<7),
        ("1u", "unsigned integers are not supported", 0..<2),
        ("b'x'", "bytes literals are not supported", 0..<2),
        ("a # b", "unexpected character '#'", 2..<3),
        ("18446744073709551616", "integer literal out of range", 0..<20),
        ("a.`x", "unterminated quoted field name", 2..<4),
    ]

    @Test(arguments: errors)
    func lexicalError(text: String, message: String, range: Range<Int>) {
        #expect(throws: SyntaxError(message, range)) { try Lexer.tokenize(text) }
    }
}
