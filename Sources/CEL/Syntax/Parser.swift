/// A parsed expression with its position table.
public struct ParsedExpr: Sendable {
    public var expr: Expr
    public var sourceInfo: SourceInfo
}

/// Hand-written recursive-descent parser for CEL, with CEL's precedence (lowest first):
/// `?:` (right-assoc), `||`, `&&`, relations (`< <= >= > == != in`), `+ -`, `* / %`,
/// unary `! -`, member access (`.f`, `.f()`, `[i]`), primaries. Macros are expanded here.
public struct Parser {
    var tokens: [Token]
    var position = 0
    var info: SourceInfo
    var depth = 0
    /// The height of each node built so far, by id (0 for ids that are not nodes).
    var heights: [Int] = []
    /// Nesting limit of the parser's own recursion (parentheses, `!`, arguments).
    static let maxDepth = 200
    /// Height limit of the tree (as the nesting limit; cel-go's default is 250). A flat chain of 10^5 `+`
    /// parses without recursion but builds a tree 10^5 levels deep, which the checker,
    /// planner, interpreter and explainer (and freeing it) would walk recursively; refusing
    /// it here bounds every later pass by this height.
    public static let maxHeight = 200

    /// Parses `text`, or throws the first syntax error.
    public static func parse(_ text: String) throws(SyntaxError) -> ParsedExpr {
        var parser = Parser(tokens: try Lexer.tokenize(text), info: SourceInfo(text: text))
        let expr = try parser.expression()
        guard parser.current.kind == .end else {
            throw SyntaxError("unexpected \(parser.current.kind)", parser.current.range)
        }
        return ParsedExpr(expr: expr, sourceInfo: parser.info)
    }

    var current: Token { tokens[position] }

    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    mutating func expect(_ kind: Token.Kind, _ what: String) throws(SyntaxError) -> Token {
        guard current.kind == kind else {
            throw SyntaxError("expected \(what), found \(current.kind)", current.range)
        }
        return advance()
    }

    /// A new node; throws `cel.too-deep` at its anchor when it would make the tree higher
    /// than `maxHeight`, before the tree gets any deeper.
    mutating func node(_ kind: Expr.Kind, _ range: Range<Int>, anchor: Range<Int>? = nil) throws(SyntaxError) -> Expr {
        let expr = Expr(id: info.add(range: range, anchor: anchor ?? range), kind)
        let height = 1 + expr.children.reduce(0) { max($0, heights.indices.contains($1.id) ? heights[$1.id] : 0) }
        guard height <= Self.maxHeight else { throw SyntaxError.tooDeep(anchor ?? range) }
        while heights.count < expr.id { heights.append(0) }
        heights.append(height)
        return expr
    }

    func range(_ expr: Expr) -> Range<Int> { info.range(of: expr.id) ?? 0..<0 }

    func span(_ a: Expr, _ b: Expr) -> Range<Int> { range(a).lowerBound..<range(b).upperBound }

    // MARK: - Operators

    mutating func expression() throws(SyntaxError) -> Expr {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw SyntaxError.tooDeep(current.range) }
        let condition = try binary(level: 0)
        guard current.kind == .question else { return condition }
        let op = advance()
        let then = try binary(level: 0)
        _ = try expect(.colon, "':'")
        let otherwise = try expression()
        return try node(
            .call(function: "_?_:_", target: nil, arguments: [condition, then, otherwise]),
            span(condition, otherwise), anchor: op.range)
    }

    /// Binary operator levels, lowest first.
    static func binaryOperator(_ kind: Token.Kind, level: Int) -> String? {
        switch (level, kind) {
        case (0, .or): "_||_"
        case (1, .and): "_&&_"
        case (2, .equal): "_==_"
        case (2, .notEqual): "_!=_"
        case (2, .less): "_<_"
        case (2, .lessEqual): "_<=_"
        case (2, .greater): "_>_"
        case (2, .greaterEqual): "_>=_"
        case (2, .in): "@in"
        case (3, .plus): "_+_"
        case (3, .minus): "_-_"
        case (4, .star): "_*_"
        case (4, .slash): "_/_"
        case (4, .percent): "_%_"
        default: nil
        }
    }

    mutating func binary(level: Int) throws(SyntaxError) -> Expr {
        if level > 4 { return try unary() }
        var lhs = try binary(level: level + 1)
        while let function = Self.binaryOperator(current.kind, level: level) {
            let op = advance()
            let rhs = try binary(level: level + 1)
            lhs = try node(.call(function: function, target: nil, arguments: [lhs, rhs]), span(lhs, rhs), anchor: op.range)
        }
        return lhs
    }

    mutating func unary() throws(SyntaxError) -> Expr {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw SyntaxError.tooDeep(current.range) }
        switch current.kind {
        case .not:
            let op = advance()
            let operand = try unary()
            return try node(.call(function: "!_", target: nil, arguments: [operand]),
                op.range.lowerBound..<range(operand).upperBound, anchor: op.range)
        case .minus:
            let op = advance()
            if let literal = try negativeLiteral(op) { return try member(literal) }
            let operand = try unary()
            return try node(.call(function: "-_", target: nil, arguments: [operand]),
                op.range.lowerBound..<range(operand).upperBound, anchor: op.range)
        default:
            return try member(try primary())
        }
    }

    /// `-` directly followed by a number literal is a negative literal, so that
    /// `-9223372036854775808` is representable.
    mutating func negativeLiteral(_ op: Token) throws(SyntaxError) -> Expr? {
        let whole = op.range.lowerBound..<current.range.upperBound
        switch current.kind {
        case .int(let magnitude):
            _ = advance()
            guard magnitude <= UInt64(Int64.max) + 1 else { throw SyntaxError("integer literal out of range", whole) }
            let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            return try node(.literal(.int(value)), whole)
        case .double(let value):
            _ = advance()
            return try node(.literal(.double(-value)), whole)
        default:
            return nil
        }
    }

    mutating func member(_ start: Expr) throws(SyntaxError) -> Expr {
        var expr = start
        while true {
            switch current.kind {
            case .dot:
                _ = advance()
                let nameToken = current
                let name: String
                switch nameToken.kind {
                case .identifier(let plain): name = plain
                case .quotedIdentifier(let quoted): name = quoted
                default:
                    throw SyntaxError("expected a field or method name after '.', found \(current.kind)", current.range)
                }
                _ = advance()
                if current.kind == .leftParen, case .quotedIdentifier = nameToken.kind {
                    throw SyntaxError("a quoted field name cannot be called", nameToken.range)
                }
                if current.kind == .leftParen {
                    let (arguments, close) = try callArguments()
                    let whole = range(expr).lowerBound..<close.upperBound
                    if let expanded = try expandReceiverMacro(name, target: expr, arguments, whole, nameToken.range) {
                        expr = expanded
                    } else {
                        expr = try node(.call(function: name, target: expr, arguments: arguments), whole, anchor: nameToken.range)
                    }
                } else {
                    expr = try node(.select(operand: expr, field: name, testOnly: false),
                        range(expr).lowerBound..<nameToken.range.upperBound, anchor: nameToken.range)
                }
            case .leftBracket:
                let open = advance()
                let index = try expression()
                let close = try expect(.rightBracket, "']'")
                expr = try node(.call(function: "_[_]", target: nil, arguments: [expr, index]),
                    range(expr).lowerBound..<close.range.upperBound, anchor: open.range)
            default:
                return expr
            }
        }
    }

    /// Parses `( args )` after a function name; returns the arguments and the `)` range.
    mutating func callArguments() throws(SyntaxError) -> ([Expr], Range<Int>) {
        _ = try expect(.leftParen, "'('")
        var arguments: [Expr] = []
        if current.kind != .rightParen {
            arguments.append(try expression())
            while current.kind == .comma {
                _ = advance()
                arguments.append(try expression())
            }
        }
        let close = try expect(.rightParen, "')' or ','")
        return (arguments, close.range)
    }
}
