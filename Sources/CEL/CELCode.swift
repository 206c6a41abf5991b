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
    case evalMissing = "eval.missing"
    case evalType = "eval.type"
    case evalDivisionByZero = "eval.division-by-zero"
    case evalOverflow = "eval.overflow"
    case evalOutOfRange = "eval.out-of-range"
    case evalBadRegex = "eval.bad-regex"
    case evalConversion = "eval.conversion"
    case evalCalendar = "eval.calendar"
    case evalDuplicateKey = "eval.duplicate-key"
    case evalCostLimit = "eval.cost-limit"
    case evalCancelled = "eval.cancelled"
    case evalUnchecked = "eval.unchecked"
    case evalDamagedRecord = "eval.damaged-record"

    public var meaning: String {
        switch self {
        case .syntax: "the expression does not parse as CEL"
        case .tooDeep: "the expression nests operators, calls or brackets deeper than the parser's limit"
        case .badRegex: "a literal regular expression does not compile"
        case .undeclared: "a name is neither a variable of the rule nor a declared input"
        case .undefinedField: "a field that the type (a schema record or params) does not have"
        case .noOverload: "a function or operator applied to arguments of types it does not take"
        case .macro: "a macro (all, exists, filter, map…) over a value it cannot iterate, or with a non-bool predicate"
        case .evalMissing: "at run time: a field or key the expression reads is missing from the dossier"
        case .evalType: "at run time: a value of a type the operation does not take (a dyn value, a null)"
        case .evalDivisionByZero: "at run time: an integer division or modulus by zero"
        case .evalOverflow: "at run time: an integer, date, timestamp or duration out of its range"
        case .evalOutOfRange: "at run time: an index out of range, or min/max of an empty list"
        case .evalBadRegex: "at run time: a regular expression taken from the data does not compile"
        case .evalConversion: "at run time: a text that is not the date, number, timestamp or duration asked for"
        case .evalCalendar: "at run time: working days asked for years the holiday calendar does not cover"
        case .evalDuplicateKey: "at run time: a map literal with the same key twice"
        case .evalCostLimit: "at run time: the rule spent more than --max-eval-steps or --max-eval-bytes"
        case .evalCancelled: "at run time: the server's request passed --request-timeout, so its evaluations stopped"
        case .evalUnchecked: "at run time: a call the checker could not resolve (a host function misused)"
        case .evalDamagedRecord: "at run time: a kept slate record could not be read back"
        }
    }
}
