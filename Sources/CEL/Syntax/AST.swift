/// A parsed CEL expression. Every node has an `id`, unique within one parse; positions
/// and types live in side tables keyed by it (`SourceInfo`, the checker's type map).
public struct Expr: Sendable, Hashable {
    public var id: Int
    public indirect enum Kind: Sendable, Hashable {
        case literal(Literal)
        case identifier(String)
        /// `operand.field`; `testOnly` is the `has(operand.field)` form.
        case select(operand: Expr, field: String, testOnly: Bool)
        /// A function or operator call. Operators use CEL's internal names (`_+_`, `!_`,
        /// `_[_]`, `_?_:_`, `@in`); `target` is set for receiver calls (`s.size()`).
        case call(function: String, target: Expr?, arguments: [Expr])
        case list([Expr])
        case map([MapEntry])
        case comprehension(Comprehension)
    }
    public var kind: Kind

    public init(id: Int, _ kind: Kind) {
        self.id = id
        self.kind = kind
    }
}

/// A literal constant.
public enum Literal: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
}

/// One `key: value` entry of a map literal; `id` locates the entry.
public struct MapEntry: Sendable, Hashable {
    public var id: Int
    public var key: Expr
    public var value: Expr
}

/// An expanded macro: `range.all(x, p)`, `exists`, `exists_one`, `map(x, [filter,] t)`,
/// `filter(x, p)`. Kept as one node per macro (rather than cel-go's generic loop) so the
/// interpreter and the explanation can say which iteration decided.
public struct Comprehension: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case all, exists, existsOne = "exists_one", map, filter
    }
    public var kind: Kind
    public var variable: String
    /// The id of the iteration variable's declaration (its name in the macro call).
    public var variableID: Int
    public var range: Expr
    /// The predicate (all, exists, exists_one, filter) or the transform (map).
    public var body: Expr
    /// The optional filter of the three-argument `map(x, filter, transform)`.
    public var filter: Expr?
}

extension Expr {
    /// The direct children in source order.
    public var children: [Expr] {
        switch kind {
        case .literal, .identifier: []
        case .select(let operand, _, _): [operand]
        case .call(_, let target, let arguments): (target.map { [$0] } ?? []) + arguments
        case .list(let elements): elements
        case .map(let entries): entries.flatMap { [$0.key, $0.value] }
        case .comprehension(let c): [c.range] + (c.filter.map { [$0] } ?? []) + [c.body]
        }
    }
}
