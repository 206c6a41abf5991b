/// One lexical token of a CEL expression, with its UTF-8 byte range in the expression text.
public struct Token: Sendable, Hashable {
    /// What the token is; literals carry their decoded value.
    public enum Kind: Sendable, Hashable {
        case identifier(String)
        /// A field name in backticks after `.` (`` x.`content-type` ``), for keys that are not
        /// identifiers; only a selection may use it.
        case quotedIdentifier(String)
        case int(UInt64)  // magnitude; a leading `-` is folded by the parser
        case double(Double)
        case string(String)
        case `true`, `false`, null
        case plus, minus, star, slash, percent
        case equal, notEqual, less, lessEqual, greater, greaterEqual
        case and, or, not, question, colon, `in`
        case dot, comma, leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
        case end
    }

    public var kind: Kind
    /// UTF-8 offsets into the expression text.
    public var range: Range<Int>

    public init(_ kind: Kind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

extension Token.Kind: CustomStringConvertible {
    /// The token as a rule author would write it, for "unexpected ..." messages.
    public var description: String {
        switch self {
        case .identifier(let name): "'\(name)'"
        case .quotedIdentifier(let name): "'`\(name)`'"
        case .int(let value): "'\(value)'"
        case .double(let value): "'\(value)'"
        case .string: "string literal"
        case .true: "'true'"
        case .false: "'false'"
        case .null: "'null'"
        case .plus: "'+'"
        case .minus: "'-'"
        case .star: "'*'"
        case .slash: "'/'"
        case .percent: "'%'"
        case .equal: "'=='"
        case .notEqual: "'!='"
        case .less: "'<'"
        case .lessEqual: "'<='"
        case .greater: "'>'"
        case .greaterEqual: "'>='"
        case .and: "'&&'"
        case .or: "'||'"
        case .not: "'!'"
        case .question: "'?'"
        case .colon: "':'"
        case .in: "'in'"
        case .dot: "'.'"
        case .comma: "','"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .end: "end of expression"
        }
    }
}

/// A syntax error: a message and the UTF-8 range it concerns.
public struct SyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var range: Range<Int>
    /// `cel.syntax`, or `cel.too-deep` for an expression over the nesting or height limit.
    public var code: String

    public init(_ message: String, _ range: Range<Int>, code: String = CELCode.syntax.rawValue) {
        self.message = message
        self.range = range
        self.code = code
    }

    /// Over `Parser.maxDepth` or `Parser.maxHeight`: a located error, never a stack overflow.
    static func tooDeep(_ range: Range<Int>) -> SyntaxError {
        SyntaxError(
            "expression too deep: over \(Parser.maxHeight) levels of operators, calls or brackets; "
                + "split it into named parts with 'let'",
            range, code: CELCode.tooDeep.rawValue)
    }
}
