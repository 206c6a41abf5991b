/// Primary expressions: literals, identifiers, global calls, parentheses, list and map literals.
extension Parser {
    mutating func primary() throws(SyntaxError) -> Expr {
        let token = current
        switch token.kind {
        case .int(let magnitude):
            _ = advance()
            guard magnitude <= UInt64(Int64.max) else { throw SyntaxError("integer literal out of range", token.range) }
            return try node(.literal(.int(Int64(magnitude))), token.range)
        case .double(let value):
            _ = advance()
            return try node(.literal(.double(value)), token.range)
        case .string(let value):
            _ = advance()
            return try node(.literal(.string(value)), token.range)
        case .true, .false:
            _ = advance()
            return try node(.literal(.bool(token.kind == .true)), token.range)
        case .null:
            _ = advance()
            return try node(.literal(.null), token.range)
        case .dot:
            _ = advance()
            guard case .identifier = current.kind else {
                throw SyntaxError("expected an identifier after '.', found \(current.kind)", current.range)
            }
            return try identifierOrCall()
        case .identifier:
            return try identifierOrCall()
        case .leftParen:
            let open = advance()
            let inner = try expression()
            let close = try expect(.rightParen, "')'")
            // The parentheses belong to the expression's text (`1 / (a - b)`, not `1 / (a - b`).
            info.setRange(inner.id, open.range.lowerBound..<close.range.upperBound)
            return inner
        case .leftBracket:
            return try listLiteral()
        case .leftBrace:
            return try mapLiteral()
        default:
            throw SyntaxError("unexpected \(token.kind)", token.range)
        }
    }

    mutating func identifierOrCall() throws(SyntaxError) -> Expr {
        let token = advance()
        guard case .identifier(let name) = token.kind else { throw SyntaxError("expected an identifier", token.range) }
        if Lexer.reserved.contains(name) { throw SyntaxError("reserved word '\(name)' cannot be used here", token.range) }
        if current.kind == .leftBrace {
            throw SyntaxError("message construction is not supported", token.range.lowerBound..<current.range.upperBound)
        }
        guard current.kind == .leftParen else { return try node(.identifier(name), token.range) }
        let (arguments, close) = try callArguments()
        let whole = token.range.lowerBound..<close.upperBound
        if let expanded = try expandGlobalMacro(name, arguments, whole, token.range) { return expanded }
        return try node(.call(function: name, target: nil, arguments: arguments), whole, anchor: token.range)
    }

    mutating func listLiteral() throws(SyntaxError) -> Expr {
        let open = advance()
        var elements: [Expr] = []
        while current.kind != .rightBracket {
            elements.append(try expression())
            guard current.kind == .comma else { break }
            _ = advance()
        }
        let close = try expect(.rightBracket, "']' or ','")
        return try node(.list(elements), open.range.lowerBound..<close.range.upperBound, anchor: open.range)
    }

    mutating func mapLiteral() throws(SyntaxError) -> Expr {
        let open = advance()
        var entries: [MapEntry] = []
        while current.kind != .rightBrace {
            let key = try expression()
            let colon = try expect(.colon, "':'")
            let value = try expression()
            let id = info.add(range: span(key, value), anchor: colon.range)
            entries.append(MapEntry(id: id, key: key, value: value))
            guard current.kind == .comma else { break }
            _ = advance()
        }
        let close = try expect(.rightBrace, "'}' or ','")
        return try node(.map(entries), open.range.lowerBound..<close.range.upperBound, anchor: open.range)
    }
}
