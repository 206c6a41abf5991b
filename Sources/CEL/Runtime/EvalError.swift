/// An evaluation error: a value, with the id of the expression node that raised it so the
/// error can be located in the rule file.
public struct EvalError: Error, Sendable, Hashable {
    public var message: String
    /// The AST node id, when known.
    public var exprID: Int?

    public init(_ message: String, exprID: Int? = nil) {
        self.message = message
        self.exprID = exprID
    }
}
