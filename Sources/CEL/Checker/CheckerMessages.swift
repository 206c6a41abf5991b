/// Every message the parser and checker produce, as typed constructors with stable codes.
public struct CheckerMessage: Sendable, Hashable {
    public var code: String
    public var text: String

    static func suffix(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    static func syntax(_ message: String) -> Self { Self(code: "cel.syntax", text: message) }

    static func badPattern(_ pattern: String, _ error: RegexError) -> Self {
        Self(code: "cel.bad-regex", text: "invalid regular expression: \(error.message)")
    }

    static func undeclared(_ name: String, suggestion: String?) -> Self {
        Self(code: "cel.undeclared", text: "undeclared reference to '\(name)'" + suffix(suggestion))
    }

    static func undefinedField(_ field: String, on type: CELType, suggestion: String?) -> Self {
        Self(code: "cel.undefined-field", text: "no field '\(field)' on \(type)" + suffix(suggestion))
    }

    static func noFields(_ field: String, on type: CELType) -> Self {
        Self(code: "cel.undefined-field", text: "type '\(type)' has no field '\(field)'")
    }

    static func unknownFunction(_ name: String, suggestion: String?) -> Self {
        Self(code: "cel.no-overload", text: "undeclared function '\(name)'" + suffix(suggestion))
    }

    static func noOverload(_ function: String, receiver: CELType?, arguments: [CELType]) -> Self {
        if receiver == nil, arguments.count == 2, let text = binaryOperator(function, arguments[0], arguments[1]) {
            return Self(code: "cel.no-overload", text: text)
        }
        let list = "(" + arguments.map(\.description).joined(separator: ", ") + ")"
        let applied = receiver.map { "\($0).\(list)" } ?? list
        return Self(code: "cel.no-overload", text: "no matching overload for '\(function)' applied to \(applied)")
    }

    static func badRange(_ macro: String, _ type: CELType) -> Self {
        Self(code: "cel.macro", text: "\(macro)() cannot iterate over a value of type '\(type)'")
    }

    static func notBool(_ macro: String, _ type: CELType) -> Self {
        Self(code: "cel.macro", text: "the predicate of \(macro)() must be bool, not '\(type)'")
    }

    static func badMapKey(_ type: CELType) -> Self {
        Self(code: "cel.no-overload", text: "map keys must be int, string or bool, not '\(type)'")
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
