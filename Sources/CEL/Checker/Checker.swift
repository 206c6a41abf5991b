import Diagnostics
/// What the checker resolved for one node, so evaluation does no name lookups.
enum Reference: Sendable {
    case global(slot: Int)
    case local(index: Int)
    case typeName(CELType)
    case field(slot: Int)
    /// The overloads that fit the argument types; one means bound statically.
    case overloads([FunctionOverload])
    /// A comprehension's iteration variable lives in this local slot.
    case comprehension(local: Int)
}

/// The checker's output: a type per node id, a reference per resolved node, and issues.
struct CheckResult: Sendable {
    var types: [CELType]
    var references: [Int: Reference] = [:]
    var localCount = 0
    var issues: [CELIssue] = []
}

/// Assigns a type to every node of a parsed expression and resolves identifiers, fields and
/// overloads against an `Environment`. Collects every issue instead of stopping at the first;
/// an erroneous node gets type `error`, which fits anywhere, so one mistake is reported once.
struct Checker {
    let environment: Environment
    let info: SourceInfo
    var result: CheckResult
    var scopes: [(name: String, local: Int, type: CELType)] = []

    /// Names that denote type values when used as identifiers.
    static let typeNames: [String: CELType] = [
        "int": .int, "bool": .bool, "double": .double, "string": .string, "null_type": .null,
        "list": .list(.dyn), "map": .map(key: .dyn, value: .dyn), "type": .type(.dyn), "date": .date,
    ]

    init(environment: Environment, info: SourceInfo) {
        self.environment = environment
        self.info = info
        result = CheckResult(types: Array(repeating: .error, count: info.nodeCount))
    }

    static func check(_ parsed: ParsedExpr, in environment: Environment) -> CheckResult {
        var checker = Checker(environment: environment, info: parsed.sourceInfo)
        _ = checker.check(parsed.expr)
        return checker.result
    }

    mutating func report(_ message: CheckerMessage, at id: Int) {
        let range = info.anchor(of: id) ?? 0..<0
        result.issues.append(CELIssue(message, exprID: id, range: range))
    }

    @discardableResult
    mutating func check(_ expr: Expr) -> CELType {
        let type = infer(expr)
        result.types[expr.id] = type
        return type
    }

    mutating func infer(_ expr: Expr) -> CELType {
        switch expr.kind {
        case .literal(let literal):
            switch literal {
            case .null: return .null
            case .bool: return .bool
            case .int: return .int
            case .double: return .double
            case .string: return .string
            }
        case .identifier(let name): return identifier(name, expr.id)
        case .select(let operand, let field, let testOnly):
            return select(operand, field, testOnly: testOnly, expr.id)
        case .call(let function, let target, let arguments):
            return call(function, target: target, arguments, expr.id)
        case .list(let elements):
            return .list(Self.join(elements.map { check($0) }))
        case .map(let entries):
            var keys: [CELType] = []
            var values: [CELType] = []
            for entry in entries {
                let key = check(entry.key)
                switch key {
                case .int, .string, .bool, .dyn, .error, .parameter: break
                default: report(.badMapKey(key), at: entry.key.id)
                }
                keys.append(key)
                values.append(check(entry.value))
            }
            return .map(key: Self.join(keys), value: Self.join(values))
        case .comprehension(let comprehension):
            return self.comprehension(comprehension, expr.id)
        }
    }

    /// The common type of several, or dyn when they differ (and for none).
    static func join(_ types: [CELType]) -> CELType {
        guard let first = types.first(where: { $0 != .error }) else { return .dyn }
        return types.allSatisfy { $0 == first || $0 == .error } ? first : .dyn
    }

    mutating func identifier(_ name: String, _ id: Int) -> CELType {
        if let scope = scopes.last(where: { $0.name == name }) {
            result.references[id] = .local(index: scope.local)
            return scope.type
        }
        if let variable = environment.lookup(variable: name) {
            result.references[id] = .global(slot: variable.slot)
            return variable.type
        }
        if let type = Self.typeNames[name] {
            result.references[id] = .typeName(type)
            return .type(type)
        }
        let names = environment.variableNames() + scopes.map(\.name)
        report(.undeclared(name, suggestion: Suggestion.closest(to: name, in: names)), at: id)
        return .error
    }

    mutating func select(_ operand: Expr, _ field: String, testOnly: Bool, _ id: Int) -> CELType {
        let operandType = check(operand)
        let resultType: CELType
        switch operandType {
        case .object(let object):
            guard let slot = object.slot(of: field) else {
                let suggestion = Suggestion.closest(to: field, in: object.fields.map(\.name))
                report(.undefinedField(field, on: operandType, suggestion: suggestion), at: id)
                return .error
            }
            result.references[id] = .field(slot: slot)
            resultType = object.fields[slot].type
        case .map(let key, let value) where key == .string || key == .dyn || key == .error:
            resultType = value
        case .dyn, .error, .parameter:
            resultType = .dyn
        default:
            report(.noFields(field, on: operandType), at: id)
            return .error
        }
        return testOnly ? .bool : resultType
    }

    mutating func comprehension(_ c: Comprehension, _ id: Int) -> CELType {
        let rangeType = check(c.range)
        let variableType: CELType
        switch rangeType {
        case .list(let element): variableType = element
        case .map(let key, _): variableType = key
        case .dyn, .error, .parameter: variableType = .dyn
        default:
            report(.badRange(c.kind.rawValue, rangeType), at: id)
            variableType = .error
        }
        let local = result.localCount
        result.localCount += 1
        result.references[id] = .comprehension(local: local)
        result.references[c.variableID] = .local(index: local)
        result.types[c.variableID] = variableType
        scopes.append((c.variable, local, variableType))
        defer { scopes.removeLast() }
        if let filter = c.filter { requireBool(check(filter), c.kind.rawValue, filter.id) }
        let bodyType = check(c.body)
        switch c.kind {
        case .all, .exists, .existsOne:
            requireBool(bodyType, c.kind.rawValue, c.body.id)
            return .bool
        case .filter:
            requireBool(bodyType, c.kind.rawValue, c.body.id)
            return .list(variableType)
        case .map:
            return .list(bodyType)
        }
    }

    mutating func requireBool(_ type: CELType, _ macro: String, _ id: Int) {
        switch type {
        case .bool, .dyn, .error, .parameter: break
        default: report(.notBool(macro, type), at: id)
        }
    }
}
