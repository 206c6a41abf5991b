/// An evaluation error: a value with a code (`CELCode`, `eval.*`) and the id of the
/// expression node that raised it, so the error can be located in the rule file and worded by
/// its code, never by its text.
public struct EvalError: Error, Sendable, Hashable {
    /// What went wrong, as a stable code.
    public var code: CELCode
    /// The evaluator's own sentence, with the values involved.
    public var message: String
    /// The AST node id, when known.
    public var exprID: Int?

    public init(_ code: CELCode, _ message: String, exprID: Int? = nil) {
        self.code = code
        self.message = message
        self.exprID = exprID
    }
}
