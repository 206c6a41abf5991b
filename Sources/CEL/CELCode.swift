import Diagnostics

/// Every code the CEL parser and checker give an issue: the one list of them.
public enum CELCode: String, DiagnosticCodeCatalogue {
    case syntax = "cel.syntax"
    case tooDeep = "cel.too-deep"
    case badRegex = "cel.bad-regex"
    case undeclared = "cel.undeclared"
    case undefinedField = "cel.undefined-field"
    case noOverload = "cel.no-overload"
    case macro = "cel.macro"

    public var meaning: String {
        switch self {
        case .syntax: "the expression does not parse as CEL"
        case .tooDeep: "the expression nests operators, calls or brackets deeper than the parser's limit"
        case .badRegex: "a literal regular expression does not compile"
        case .undeclared: "a name is neither a variable of the rule nor a declared input"
        case .undefinedField: "a field that the type (a schema record or params) does not have"
        case .noOverload: "a function or operator applied to arguments of types it does not take"
        case .macro: "a macro (all, exists, filter, map…) over a value it cannot iterate, or with a non-bool predicate"
        }
    }
}
