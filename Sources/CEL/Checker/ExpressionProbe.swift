/// What the checker infers about an expression that may be wrong or unfinished, for editor
/// tools (hover, completion): the parse and a type per node, with the issues kept instead of
/// thrown. It is the same parser and checker as `Program.compile`, so the editor's types are
/// the compiler's.
public struct ExpressionProbe: Sendable {
    /// Nil when the text does not parse.
    public let parsed: ParsedExpr?
    let result: CheckResult?

    /// Parses and checks `text` in `environment`.
    public static func check(_ text: String, in environment: Environment) -> ExpressionProbe {
        guard let parsed = try? Parser.parse(text) else { return ExpressionProbe(parsed: nil, result: nil) }
        return ExpressionProbe(parsed: parsed, result: Checker.check(parsed, in: environment))
    }

    /// The type the checker gave a node (`error` where it found a problem).
    public func type(of id: Int) -> CELType? {
        guard let types = result?.types, types.indices.contains(id) else { return nil }
        return types[id]
    }

    /// The issues found, as `Program.compile` would throw them.
    public var issues: [CELIssue] { result?.issues ?? [] }

    /// Every node, depth first, parents before children.
    public var nodes: [Expr] {
        guard let root = parsed?.expr else { return [] }
        var found: [Expr] = []
        var stack = [root]
        while let node = stack.popLast() {
            found.append(node)
            stack += node.children.reversed()
        }
        return found
    }
}

extension Environment {
    /// Every overload of a function visible here, for signatures in editor tools.
    public func signatures(of name: String) -> [FunctionOverload] { overloads(of: name) }

    /// Every function name visible here (operators excluded), for completion.
    public var functionNamesForCompletion: [String] {
        functionNames().filter { $0.first.map { $0.isLetter } ?? false }
    }
}

extension FunctionOverload {
    /// `receiver.name(arguments) -> result`, as the docs write signatures.
    public func signature(named name: String) -> String {
        let arguments = self.arguments.map(\.description).joined(separator: ", ")
        let call = receiver.map { "\($0).\(name)(\(arguments))" } ?? "\(name)(\(arguments))"
        return "\(call) -> \(result)"
    }
}
