/// A CEL value at run time. Errors are values too (`.error`), so that `&&` and `||` can
/// absorb them as CEL requires, and a failing rule becomes an `error` finding, not a crash.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case list(ListValue)
    case map(MapValue)
    case object(ObjectValue)
    case timestamp(Timestamp)
    case duration(CELDuration)
    /// A calendar date (an appraise extension).
    case date(CivilDate)
    case type(CELType)
    /// Boxed, so that the rare error does not make every value larger.
    indirect case error(EvalError)
}
