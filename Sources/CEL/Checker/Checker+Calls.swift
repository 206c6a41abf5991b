import Diagnostics
/// Calls: the logical operators, `?:`, equality, `in` and indexing are typed here; every
/// other function goes through overload resolution against the environment.
extension Checker {
    mutating func call(_ function: String, target: Expr?, _ arguments: [Expr], _ id: Int) -> CELType {
        let receiverType = target.map { check($0) }
        let types = arguments.map { check($0) }
        if function == "matches", let pattern = arguments.last { checkPattern(pattern) }
        if receiverType == nil, let special = specialCall(function, types, id) { return special }
        return resolve(function, receiver: receiverType, types, id)
    }

    /// A constant `matches` pattern is compiled here, so that a bad or oversized one
    /// (`a{1000}{1000}`, over `LinearRegex.maxProgramSize`) is a lint error, not an `error`
    /// finding on every dossier.
    mutating func checkPattern(_ pattern: Expr) {
        guard case .literal(.string(let text)) = pattern.kind else { return }
        do {
            _ = try LinearRegex(pattern: text)
        } catch {
            report(.badPattern(text, error), at: pattern.id)
        }
    }

    /// Operators with bespoke typing; nil when `function` is not one of them.
    mutating func specialCall(_ function: String, _ types: [CELType], _ id: Int) -> CELType? {
        func mismatch() -> CELType {
            if !types.contains(.error) { report(.noOverload(function, receiver: nil, arguments: types), at: id) }
            return .error
        }
        switch function {
        case "_&&_", "_||_":
            return types.allSatisfy(Self.isBoolish) ? .bool : mismatch()
        case "_?_:_":
            guard types.count == 3, Self.isBoolish(types[0]) else { return mismatch() }
            return Self.join([types[1], types[2]])
        case "_==_", "_!=_":
            guard types.count == 2, Self.equalityCompatible(types[0], types[1]) else { return mismatch() }
            return .bool
        case "@in":
            guard types.count == 2 else { return mismatch() }
            switch types[1] {
            case .list(let element), .map(let element, _):
                return Self.equalityCompatible(types[0], element) ? .bool : mismatch()
            case .dyn, .error, .parameter: return .bool
            default: return mismatch()
            }
        case "_[_]":
            guard types.count == 2 else { return mismatch() }
            switch (types[0], types[1]) {
            case (.list(let element), .int), (.list(let element), .dyn), (.list(let element), .error):
                return element
            case (.map(let key, let value), let index) where Self.equalityCompatible(key, index):
                return value
            case (.dyn, _), (.error, _), (.parameter, _): return .dyn
            default: return mismatch()
            }
        default:
            return nil
        }
    }

    static func isBoolish(_ type: CELType) -> Bool {
        switch type {
        case .bool, .dyn, .error, .parameter: true
        default: false
        }
    }

    /// Whether `==` between the two types can ever be meaningful: same kind, numbers of
    /// either kind, or anything against `dyn` or `null` (optional fields may be null).
    static func equalityCompatible(_ a: CELType, _ b: CELType) -> Bool {
        switch (a, b) {
        case (.dyn, _), (_, .dyn), (.error, _), (_, .error), (.null, _), (_, .null), (.parameter, _), (_, .parameter):
            return true
        case (.int, .double), (.double, .int): return true
        case (.list(let x), .list(let y)): return equalityCompatible(x, y)
        case (.map(let k1, let v1), .map(let k2, let v2)):
            return equalityCompatible(k1, k2) && equalityCompatible(v1, v2)
        case (.type, .type): return true
        default: return a == b
        }
    }

    /// Finds the overloads of `function` that fit; reports unknown functions and mismatches.
    mutating func resolve(_ function: String, receiver: CELType?, _ types: [CELType], _ id: Int) -> CELType {
        let all = environment.overloads(of: function)
        guard !all.isEmpty else {
            let suggestion = Suggestion.closest(to: function, in: environment.functionNames())
            report(.unknownFunction(function, suggestion: suggestion), at: id)
            return .error
        }
        let arguments = (receiver.map { [$0] } ?? []) + types
        var matches: [FunctionOverload] = []
        var results: [CELType] = []
        for overload in all where (overload.receiver != nil) == (receiver != nil) {
            let parameters = overload.parameters
            guard parameters.count == arguments.count else { continue }
            var bindings: [String: CELType] = [:]
            if zip(parameters, arguments).allSatisfy({ Self.assignable($0, $1, &bindings) }) {
                matches.append(overload)
                results.append(Self.substitute(overload.result, bindings))
            }
        }
        guard !matches.isEmpty else {
            if !arguments.contains(.error) {
                report(.noOverload(function, receiver: receiver, arguments: types), at: id)
            }
            return .error
        }
        result.references[id] = .overloads(matches)
        return Self.join(results)
    }

    /// Whether an argument of type `argument` fits a parameter, binding type parameters.
    static func assignable(_ parameter: CELType, _ argument: CELType, _ bindings: inout [String: CELType]) -> Bool {
        switch (parameter, argument) {
        case (.dyn, _), (_, .dyn), (_, .error): return true
        case (.parameter(let name), _):
            if let bound = bindings[name] {
                if bound == .dyn { return true }
                if argument == .dyn { return true }
                if assignable(bound, argument, &bindings) { return true }
                if assignable(argument, bound, &bindings) {
                    bindings[name] = argument
                    return true
                }
                bindings[name] = .dyn
                return true
            }
            bindings[name] = argument
            return true
        case (.list(let p), .list(let a)): return assignable(p, a, &bindings)
        case (.map(let pk, let pv), .map(let ak, let av)):
            return assignable(pk, ak, &bindings) && assignable(pv, av, &bindings)
        case (.type, .type): return true
        default: return parameter == argument
        }
    }

    /// Replaces bound type parameters; unbound ones become dyn.
    static func substitute(_ type: CELType, _ bindings: [String: CELType]) -> CELType {
        switch type {
        case .parameter(let name): bindings[name] ?? .dyn
        case .list(let element): .list(substitute(element, bindings))
        case .map(let key, let value): .map(key: substitute(key, bindings), value: substitute(value, bindings))
        case .type(let inner): .type(substitute(inner, bindings))
        default: type
        }
    }
}
