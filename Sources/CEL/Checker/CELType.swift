/// The static type of a CEL expression, used by the checker. `dyn` defers checking to run
/// time, as in CEL; `object` is a record type declared by the host (a dossier record), whose
/// fields the checker resolves to slots so evaluation does no string lookups.
public indirect enum CELType: Hashable, Sendable, CustomStringConvertible {
    case null
    case bool
    case int
    case double
    case string
    case timestamp
    case duration
    /// A calendar date (an appraise extension).
    case date
    case list(CELType)
    case map(key: CELType, value: CELType)
    case object(ObjectType)
    /// The type of a type value, such as `type(1)`.
    case type(CELType)
    case dyn
    /// A type parameter inside overload signatures (`A` in `list(A)`).
    case parameter(String)
    case error

    public var description: String {
        switch self {
        case .null: "null_type"
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .string: "string"
        case .timestamp: "google.protobuf.Timestamp"
        case .duration: "google.protobuf.Duration"
        case .date: "date"
        case .list(let element): "list(\(element))"
        case .map(let key, let value): "map(\(key), \(value))"
        case .object(let object): object.name
        case .type(let inner): "type(\(inner))"
        case .dyn: "dyn"
        case .parameter(let name): name
        case .error: "*error*"
        }
    }
}
