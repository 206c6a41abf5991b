/// Every problem the parser and checker report, as a value: the code and the arguments a
/// front end needs to word it in its own terms (`text` is CEL's own wording). No caller needs
/// to read `text` to learn what went wrong.
public enum CheckerMessage: Sendable, Hashable {
    case syntax(String, code: CELCode)
    case badPattern(pattern: String, reason: String)
    case undeclared(String, suggestion: String?)
    case undefinedField(String, on: CELType, suggestion: String?)
    case noFields(String, on: CELType)
    case unknownFunction(String, suggestion: String?)
    case noOverload(String, receiver: CELType?, arguments: [CELType])
    case badRange(macro: String, CELType)
    case notBool(macro: String, CELType)
    case badMapKey(CELType)

    static func badPattern(_ pattern: String, _ error: RegexError) -> Self {
        .badPattern(pattern: pattern, reason: error.message)
    }

    static func badRange(_ macro: String, _ type: CELType) -> Self { .badRange(macro: macro, type) }

    static func notBool(_ macro: String, _ type: CELType) -> Self { .notBool(macro: macro, type) }

    public var code: CELCode {
        switch self {
        case .syntax(_, let code): code
        case .badPattern: .badRegex
        case .undeclared: .undeclared
        case .undefinedField, .noFields: .undefinedField
        case .unknownFunction, .noOverload, .badMapKey: .noOverload
        case .badRange, .notBool: .macro
        }
    }

    /// CEL's own sentence for the problem, without location or code.
    public var text: String {
        switch self {
        case .syntax(let message, _): message
        case .badPattern(_, let reason): "invalid regular expression: \(reason)"
        case .undeclared(let name, let suggestion):
            "undeclared reference to '\(name)'" + Self.suffix(suggestion)
        case .undefinedField(let field, let type, let suggestion):
            "no field '\(field)' on \(type)" + Self.suffix(suggestion)
        case .noFields(let field, let type): "type '\(type)' has no field '\(field)'"
        case .unknownFunction(let name, let suggestion): "undeclared function '\(name)'" + Self.suffix(suggestion)
        case .noOverload(let function, let receiver, let arguments):
            Self.noOverloadText(function, receiver: receiver, arguments: arguments)
        case .badRange(let macro, let type): "\(macro)() cannot iterate over a value of type '\(type)'"
        case .notBool(let macro, let type): "the predicate of \(macro)() must be bool, not '\(type)'"
        case .badMapKey(let type): "map keys must be int, string or bool, not '\(type)'"
        }
    }

    /// `; did you mean 'x'?`, or nothing without a suggestion.
    public static func suffix(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    private static func noOverloadText(_ function: String, receiver: CELType?, arguments: [CELType]) -> String {
        if receiver == nil, arguments.count == 2, let text = binaryOperator(function, arguments[0], arguments[1]) {
            return text
        }
        let list = "(" + arguments.map(\.description).joined(separator: ", ") + ")"
        let applied = receiver.map { "\($0).\(list)" } ?? list
        return "no matching overload for '\(function)' applied to \(applied)"
    }

    /// `'>' cannot compare date with int`, in words a rule author reads without knowing CEL's
    /// overload names; a date compared with a number or text gets a hint to write a date.
    private static func binaryOperator(_ function: String, _ left: CELType, _ right: CELType) -> String? {
        guard function.count > 2, function.hasPrefix("_"), function.hasSuffix("_") else { return nil }
        let symbol = String(function.dropFirst().dropLast())
        guard !symbol.contains("_") else { return nil }
        let comparisons: Set<String> = ["<", "<=", ">", ">=", "==", "!="]
        let verb = comparisons.contains(symbol) ? "cannot compare \(left) with \(right)" : "cannot be applied to \(left) and \(right)"
        let mixesDate = (left == .date) != (right == .date) && [left, right].contains { $0 == .int || $0 == .string }
        let hint = mixesDate ? "; write a date as date('YYYY-MM-DD'), or compare year(...) with a year" : ""
        return "'\(symbol)' \(verb)\(hint)"
    }
}
