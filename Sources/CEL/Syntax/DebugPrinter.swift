import Diagnostics

/// Prints an AST in a fully parenthesised, unambiguous form for golden tests:
/// `_+_(a, _*_(b, c))`, `d.date`, `has(d.date)`, `xs.exists(x, _>_(x, 1))`.
/// With an annotation function each node is followed by `~annotation` (the checker's types).
public enum DebugPrinter {
    public static func print(_ expr: Expr, annotate: (Int) -> String? = { _ in nil }) -> String {
        var text = body(expr, annotate)
        if let note = annotate(expr.id) { text += "~" + note }
        return text
    }

    static func body(_ expr: Expr, _ annotate: (Int) -> String?) -> String {
        func p(_ e: Expr) -> String { print(e, annotate: annotate) }
        switch expr.kind {
        case .literal(let literal): return literalText(literal)
        case .identifier(let name): return name
        case .select(let operand, let field, let testOnly):
            let name = isPlainIdentifier(field) ? field : "`\(field)`"
            return testOnly ? "has(\(p(operand)).\(name))" : "\(p(operand)).\(name)"
        case .call(let function, let target, let arguments):
            let list = arguments.map(p).joined(separator: ", ")
            if let target { return "\(p(target)).\(function)(\(list))" }
            return "\(function)(\(list))"
        case .list(let elements): return "[" + elements.map(p).joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.map { "\(p($0.key)): \(p($0.value))" }.joined(separator: ", ") + "}"
        case .comprehension(let c):
            let filter = c.filter.map { p($0) + ", " } ?? ""
            return "\(p(c.range)).\(c.kind.rawValue)(\(c.variable), \(filter)\(p(c.body)))"
        }
    }

    /// A literal as CEL source text.
    public static func literalText(_ literal: Literal) -> String {
        switch literal {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): "\(d)"
        case .string(let s): quoted(s)
        }
    }

    /// A string as a double-quoted CEL literal: JSON's string syntax, which CEL reads alike
    /// (`\"`, `\\`, `\n`, `\t`, `\b`, `\uXXXX`), so one escaper serves both.
    public static func quoted(_ s: String) -> String { JSONWriter.quoted(s) }

    /// Whether a field name can be written bare after `.` (else it needs backticks).
    static func isPlainIdentifier(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        func isLetter(_ c: Unicode.Scalar) -> Bool { c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        guard let first = scalars.first, isLetter(first) else { return false }
        return scalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) } && !["true", "false", "null", "in"].contains(name)
    }
}
