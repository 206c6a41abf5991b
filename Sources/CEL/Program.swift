import Diagnostics

/// A problem found while compiling an expression: a value with its code, its arguments, the
/// node it concerns and its UTF-8 range, so that a front end words it in its own terms.
public struct CELIssue: Error, Sendable, Hashable {
    /// What went wrong, with its arguments.
    public var reason: CheckerMessage
    /// The expression node the checker was typing; nil for a syntax error (no tree yet).
    public var exprID: Int?
    /// UTF-8 offsets in the expression text.
    public var range: Range<Int>

    public init(_ reason: CheckerMessage, exprID: Int?, range: Range<Int>) {
        self.reason = reason
        self.exprID = exprID
        self.range = range
    }

    /// The stable code, such as `cel.undefined-field` (`CELCode`).
    public var code: String { reason.code.rawValue }
    /// CEL's own sentence for it.
    public var message: String { reason.text }
}

/// Every issue of an expression that failed to compile.
public struct CompileFailure: Error, Sendable {
    public var issues: [CELIssue]
}

/// A compiled, type-checked expression: compile once, evaluate many times.
///
/// Compiling parses, checks against an `Environment` (resolving variables to slots, object
/// fields to slot indexes and calls to overloads), then plans a node tree. Evaluation does
/// no parsing and no name lookups the checker could resolve.
public struct Program: Sendable {
    /// Everything a program holds, behind one reference: rules copy their programs on every
    /// evaluation (`for binding in bindings`), and a copy should cost one retain, not one
    /// per tree, text and table.
    final class Storage: Sendable {
        let root: Node
        let localCount: Int
        let parsed: ParsedExpr
        let types: [CELType]

        init(root: Node, localCount: Int, parsed: ParsedExpr, types: [CELType]) {
            self.root = root
            self.localCount = localCount
            self.parsed = parsed
            self.types = types
        }
    }

    let storage: Storage
    var root: Node { storage.root }
    var localCount: Int { storage.localCount }
    public var parsed: ParsedExpr { storage.parsed }
    var types: [CELType] { storage.types }

    init(root: Node, localCount: Int, parsed: ParsedExpr, types: [CELType]) {
        storage = Storage(root: root, localCount: localCount, parsed: parsed, types: types)
    }

    /// Parses, checks and plans `text`; throws every issue found.
    public static func compile(_ text: String, in environment: Environment) throws(CompileFailure) -> Program {
        let parsed: ParsedExpr
        do {
            parsed = try Parser.parse(text)
        } catch {
            let reason = CheckerMessage.syntax(error.message, code: CELCode(rawValue: error.code) ?? .syntax)
            throw CompileFailure(issues: [CELIssue(reason, exprID: nil, range: error.range)])
        }
        let checked = Checker.check(parsed, in: environment)
        guard checked.issues.isEmpty else { throw CompileFailure(issues: checked.issues) }
        let root = Planner(references: checked.references, info: parsed.sourceInfo).plan(parsed.expr)
        return Program(root: root, localCount: checked.localCount, parsed: parsed, types: checked.types)
    }

    /// The same for two copies of one compiled program (not for two compiles of one text).
    public var identity: ObjectIdentifier { ObjectIdentifier(storage) }

    /// The static type of the whole expression.
    public var resultType: CELType { types[parsed.expr.id] }

    /// The static type the checker gave a node.
    public func type(ofExpr id: Int) -> CELType? { types.indices.contains(id) ? types[id] : nil }

    /// Evaluates on an activation within `EvaluationLimits.default`; errors come back as
    /// `.error` with the failing node's id.
    public func evaluate(_ activation: Activation) -> Value {
        var budget = EvaluationBudget()
        return evaluate(activation, budget: &budget)
    }

    /// Evaluates spending from `budget`, which a rule carries over all its programs on one
    /// dossier. Once the budget is exceeded the value is the cost error, even where `||` or
    /// `exists` absorbed it: the evaluation did not finish.
    public func evaluate(_ activation: Activation, budget: inout EvaluationBudget) -> Value {
        let value = Frame.evaluate(storage.root, on: activation, localCount: localCount, budget: &budget)
        if let exceeded = budget.exceeded {
            // The loop that gave up names itself; an absorbed cost error is still the result.
            if case .error(let error) = value, error.message == exceeded.message { return value }
            return .error(exceeded)
        }
        return value
    }

    /// Where a node (say, the one a run-time error names) stands in the text.
    public func range(ofExpr id: Int) -> Range<Int>? { parsed.sourceInfo.anchor(of: id) }

    /// The source text of the expression.
    public var text: String { parsed.sourceInfo.text }

    /// The source text of a whole sub-expression (`table[level][candidate.gender]`), for
    /// messages that say which part of an expression failed.
    public func text(ofExpr id: Int) -> String? {
        parsed.sourceInfo.range(of: id) == nil ? nil : parsed.sourceInfo.text(of: id)
    }
}
