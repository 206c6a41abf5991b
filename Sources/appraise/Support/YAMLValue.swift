import CEL
import YAML

/// Converts untyped YAML (a `--var` value, later an `--input` file without schema) to CEL
/// values: sequences become lists, mappings maps, scalars their YAML 1.2 core-schema value.
enum YAMLValue {
    /// The value of a node, or a message saying why it has none (an unsupported map key).
    static func value(of node: Node) -> Result<Value, YAMLValueError> {
        switch node.kind {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return .success(.null)
            case .bool(let b): return .success(.bool(b))
            case .int(let i): return .success(.int(i))
            case .double(let d): return .success(.double(d))
            case .string(let s): return .success(.string(s))
            }
        case .sequence(let items):
            var values: [Value] = []
            for item in items {
                switch value(of: item) {
                case .success(let v): values.append(v)
                case .failure(let e): return .failure(e)
                }
            }
            return .success(.list(ListValue(values)))
        case .mapping(let pairs):
            var keys: [Value] = []
            var values: [Value] = []
            for pair in pairs {
                guard case .success(let key) = value(of: pair.key) else {
                    return .failure(YAMLValueError(message: "map keys must be scalars", node: pair.key))
                }
                switch key {
                case .int, .string, .bool: break
                default: return .failure(YAMLValueError(message: "map keys must be ints, strings or bools", node: pair.key))
                }
                switch value(of: pair.value) {
                case .success(let v):
                    keys.append(key)
                    values.append(v)
                case .failure(let e): return .failure(e)
                }
            }
            return .success(.map(MapValue(keys: keys, values: values)))
        }
    }
}

/// A YAML value that has no CEL counterpart.
struct YAMLValueError: Error {
    var message: String
    var node: Node
}
