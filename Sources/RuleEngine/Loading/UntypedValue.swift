import CEL
import YAML

/// A YAML node as a CEL value with no schema: the YAML 1.2 core scalars, plus plain
/// `YYYY-MM-DD` scalars as dates. Used for parameter values and for `eval --var`/`--input`
/// of files that are not dossiers.
///
/// Sequences become lists and mappings become maps with string keys (a key is taken as its
/// text, so `2025: x` has the key "2025"); lists carry no origin.
public func untypedValue(_ node: Node) -> Value {
    switch node.kind {
    case .scalar(let scalar):
        switch scalar.resolved {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .string(let text):
            if scalar.style == .plain, scalar.tag == nil, let date = CivilDate(iso: text) { return .date(date) }
            return .string(text)
        }
    case .sequence(let items):
        return .list(ListValue(items.map(untypedValue)))
    case .mapping(let pairs):
        var keys: [Value] = []
        var values: [Value] = []
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for pair in pairs {
            keys.append(.string(pair.key.scalar?.text ?? ""))
            values.append(untypedValue(pair.value))
        }
        return .map(MapValue(keys: keys, values: values))
    }
}

/// The CEL type of an untyped value as parameters declare it: scalars by kind, lists as
/// `list(dyn)`, maps as `map(string, dyn)`.
func untypedType(of value: Value) -> CELType {
    switch value {
    case .null: .null
    case .bool: .bool
    case .int: .int
    case .double: .double
    case .string: .string
    case .date: .date
    case .list: .list(.dyn)
    case .map: .map(key: .string, value: .dyn)
    case .object(let object): .object(object.type)
    case .timestamp: .timestamp
    case .duration: .duration
    case .type(let type): .type(type)
    case .error: .error
    }
}
