import Diagnostics
import CEL
import YAML

/// How the keys of a YAML mapping become CEL map keys.
public enum UntypedKeys: Sendable {
    /// Every key is its text (`2025: x` has the key "2025"): parameters, typed `map(string, dyn)`.
    case text
    /// Keys resolve like values (YAML 1.2 core schema): ints, strings and bools, as `eval --var` needs.
    case typed
}

/// A YAML value that has no CEL counterpart (a list or map used as a key), with where it is.
public struct UntypedValueError: Error, Sendable {
    public var message: String
    public var location: SourceLocation
}

/// A YAML node as a CEL value with no schema: the YAML 1.2 core scalars, plus plain
/// `YYYY-MM-DD` scalars as dates. Used for parameter values and for `eval --var`/`--input`
/// of files that are not dossiers. Sequences become lists and mappings maps; lists carry no
/// origin.
public func untypedValue(_ node: Node, keys: UntypedKeys = .text) -> Result<Value, UntypedValueError> {
    switch node.kind {
    case .scalar(let scalar):
        switch scalar.resolved {
        case .null: return .success(.null)
        case .bool(let value): return .success(.bool(value))
        case .int(let value): return .success(.int(value))
        case .double(let value): return .success(.double(value))
        case .string(let text):
            if scalar.style == .plain, scalar.tag == nil, let date = CivilDate(iso: text) { return .success(.date(date)) }
            return .success(.string(text))
        }
    case .sequence(let items):
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items {
            switch untypedValue(item, keys: keys) {
            case .success(let value): values.append(value)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(.list(ListValue(values)))
    case .mapping(let pairs):
        var mapKeys: [Value] = []
        var values: [Value] = []
        mapKeys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = mapKey(pair.key, keys: keys) else {
                return .failure(UntypedValueError(
                    message: "map keys must be ints, strings or bools, not \(pair.key.kindName)", location: pair.key.start))
            }
            switch untypedValue(pair.value, keys: keys) {
            case .success(let value):
                mapKeys.append(key)
                values.append(value)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(.map(MapValue(keys: mapKeys, values: values)))
    }
}

private func mapKey(_ node: Node, keys: UntypedKeys) -> Value? {
    guard let scalar = node.scalar else { return nil }
    guard keys == .typed else { return .string(scalar.text) }
    switch scalar.resolved {
    case .int(let value): return .int(value)
    case .bool(let value): return .bool(value)
    case .string(let text): return .string(text)
    case .null, .double: return nil
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
