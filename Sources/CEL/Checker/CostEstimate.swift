/// A static estimate of an expression's worst-case evaluation cost, in the spirit of cel-go's
/// `EstimateCost`: how the steps grow with the size `N` of the lists it iterates. A
/// comprehension over a list literal costs its length, one over any other list costs `N`
/// (the largest list a dossier may hold, `--max-collection-count`), so nine nested `exists`
/// over ten-element literals cost 10^9 and three nested loops over dossier lists cost N^3.
public struct CostEstimate: Sendable, Hashable, Comparable {
    /// The power of `N`: how many loops over lists of unknown size are nested.
    public var degree: Int
    /// The factor of `N^degree`: the product of the lengths of the literal lists iterated.
    public var factor: Double
    /// The comprehension that dominates the cost (its node id), if any.
    public var dominant: Int?

    public init(degree: Int, factor: Double, dominant: Int? = nil) {
        self.degree = degree
        self.factor = factor
        self.dominant = dominant
    }

    public static let one = CostEstimate(degree: 0, factor: 1)

    public static func < (a: Self, b: Self) -> Bool {
        a.degree != b.degree ? a.degree < b.degree : a.factor < b.factor
    }

    /// `a + b`: the larger term (same degree: the factors add).
    public static func + (a: Self, b: Self) -> Self {
        if a.degree != b.degree { return a.degree > b.degree ? a : b }
        return CostEstimate(degree: a.degree, factor: a.factor + b.factor, dominant: a.factor >= b.factor ? a.dominant ?? b.dominant : b.dominant ?? a.dominant)
    }

    /// `a × b`: a loop of `a` iterations around a body of cost `b`.
    public static func * (a: Self, b: Self) -> Self {
        CostEstimate(degree: a.degree + b.degree, factor: a.factor * b.factor, dominant: b.dominant ?? a.dominant)
    }

    /// The steps for lists of `n` elements.
    public func steps(listSize n: Int) -> Double { factor * pow(Double(n), degree) }

    /// `123456` as is, a million or more as `10^k`.
    public static func rounded(_ value: Double) -> String {
        guard value >= 1e6 else { return String(Int(value)) }
        var exponent = 0
        var rest = value
        while rest >= 10 {
            rest /= 10
            exponent += 1
        }
        return "10^\(exponent)"
    }

    private func pow(_ base: Double, _ exponent: Int) -> Double {
        (0..<exponent).reduce(1) { value, _ in value * base }
    }

    /// `N^d`, `f·N^d` or `f`, for messages.
    public var formula: String {
        let f = Self.rounded(factor)
        switch degree {
        case 0: return f
        case 1: return factor == 1 ? "N" : "\(f)·N"
        default: return (factor == 1 ? "" : "\(f)·") + "N^\(degree)"
        }
    }
}

extension Program {
    /// The worst-case cost of evaluating this expression once.
    public var estimatedCost: CostEstimate { CostEstimator().cost(parsed.expr) }

    /// How many times a comprehension over this expression's value would iterate: the
    /// length of a literal list or map, else `N`.
    public var estimatedSize: CostEstimate { CostEstimator().size(parsed.expr) }
}

/// Walks the parsed tree (at most `Parser.maxHeight` deep, so recursion is safe).
struct CostEstimator {
    func cost(_ expr: Expr) -> CostEstimate {
        switch expr.kind {
        case .literal, .identifier: return .one
        case .comprehension(let c):
            var body = CostEstimate.one + cost(c.body)
            if let filter = c.filter { body = body + cost(filter) }
            var total = cost(c.range) + size(c.range) * body
            if total.degree > 0 || total.factor > 1 { total.dominant = expr.id }
            return total
        default:
            return expr.children.reduce(CostEstimate.one) { $0 + cost($1) }
        }
    }

    func size(_ expr: Expr) -> CostEstimate {
        switch expr.kind {
        case .list(let elements): CostEstimate(degree: 0, factor: Double(elements.count))
        case .map(let entries): CostEstimate(degree: 0, factor: Double(entries.count))
        case .comprehension(let c) where c.kind == .map || c.kind == .filter: size(c.range)
        default: CostEstimate(degree: 1, factor: 1)
        }
    }
}
