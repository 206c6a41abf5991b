/// Run-time types of values, for `type()` and for dispatching `dyn` arguments.
extension Value {
    /// The CEL type of this value as `type()` reports it.
    public var runtimeType: CELType {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .double: .double
        case .string: .string
        case .list: .list(.dyn)
        case .map: .map(key: .dyn, value: .dyn)
        case .object(let object): .object(object.type)
        case .timestamp: .timestamp
        case .duration: .duration
        case .date: .date
        case .type(let inner): .type(inner)
        case .error: .error
        }
    }

    /// Whether this value may be passed for a parameter of `type`.
    func conforms(to type: CELType) -> Bool {
        switch (type, self) {
        case (.dyn, _), (.parameter, _): true
        case (.null, .null), (.bool, .bool), (.int, .int), (.double, .double), (.string, .string),
            (.timestamp, .timestamp), (.duration, .duration), (.date, .date), (.list, .list),
            (.map, .map), (.type, .type):
            true
        case (.object(let t), .object(let o)): t == o.type
        default: false
        }
    }

    /// The error this value holds, if it is one.
    var error: EvalError? {
        if case .error(let e) = self { return e }
        return nil
    }

    var isError: Bool {
        if case .error = self { return true }
        return false
    }
}

extension EvalError {
    /// The error for arguments no overload accepts at run time.
    static func noOverload(_ function: String, _ values: [Value]) -> EvalError {
        let types = values.map(\.runtimeType.celName).joined(separator: ", ")
        return EvalError(.evalType, "no such overload: \(function)(\(types))")
    }
}
