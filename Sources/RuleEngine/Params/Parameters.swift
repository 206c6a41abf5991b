import CEL
import Diagnostics
import YAML

/// One effective-dated parameter of the rule set (a threshold the law changes on a date).
public struct Parameter: Sendable {
    public typealias Entry = DatedValues<Value>.Entry

    public let name: String
    /// The legal basis, as written (reports and `rules lint` show it); for a policy parameter,
    /// who set the value and why.
    public let basis: String?
    /// True when no legal text sets the value (`policy: true`): a lookback window, a red-flag
    /// ratio. `rules list` and the register mark it, so each committee sets it knowingly.
    public let policy: Bool
    /// The CEL type of every value: int, double, string, date, bool, `list(dyn)` or
    /// `map(string, dyn)`.
    public let type: CELType
    /// The values and the days they take effect, oldest first.
    public let values: DatedValues<Value>
    /// Where the name is declared.
    public let location: SourceLocation

    public init(
        name: String, basis: String?, policy: Bool = false, type: CELType, values: DatedValues<Value>,
        location: SourceLocation
    ) {
        self.name = name
        self.basis = basis
        self.policy = policy
        self.type = type
        self.values = values
        self.location = location
    }

    /// Sorted by `since`.
    public var entries: [Entry] { values.entries }

    /// The value in force on `date` (`DatedValues.value(on:)`, the lookup rule bases share).
    public func value(on date: CivilDate) -> Value { values.value(on: date) }
}

/// Collects the `params:` of every rule file of a set, so that names are unique across it.
public struct ParametersBuilder: Sendable {
    public private(set) var parameters: [Parameter] = []
    private var index: [String: Int] = [:]

    public init() {}

    /// Adds a parameter; returns the earlier declaration when the name is taken.
    mutating func add(_ parameter: Parameter) -> Parameter? {
        if let existing = index[parameter.name] { return parameters[existing] }
        index[parameter.name] = parameters.count
        parameters.append(parameter)
        return nil
    }

    /// The parameters in declaration order, with their object type.
    public func build() -> Parameters { Parameters(parameters: parameters) }
}

/// The parameters of a rule set: the `params` variable's type and its value on any date.
public struct Parameters: Sendable {
    public let parameters: [Parameter]
    /// One field per parameter, in declaration order, typed by its values.
    public let objectType: ObjectType
    private let index: [String: Int]

    public init(parameters: [Parameter]) {
        self.parameters = parameters
        self.objectType = ObjectType(
            name: "params", fields: parameters.map { ObjectType.Field(name: $0.name, type: $0.type, doc: $0.basis ?? "") })
        var index: [String: Int] = [:]
        for (position, parameter) in parameters.enumerated() { index[parameter.name] = position }
        self.index = index
    }

    /// A rule set without parameters.
    public static let empty = Parameters(parameters: [])

    /// The `params` object on `date`: every parameter's value in force then.
    public func values(on date: CivilDate) -> ObjectValue {
        ObjectValue(
            type: objectType, fields: parameters.map { $0.value(on: date) },
            present: Array(repeating: true, count: parameters.count))
    }

    /// One parameter's value on `date` (for `param_at`); nil when there is no such parameter.
    public func value(named name: String, on date: CivilDate) -> Value? {
        index[name].map { parameters[$0].value(on: date) }
    }

    public func parameter(named name: String) -> Parameter? {
        index[name].map { parameters[$0] }
    }

    /// Reads the `params:` mapping of one `rules/1` file into `builder`, returning every
    /// problem (`params.*` codes); a name already declared, here or in another file, is an
    /// error that names both places.
    public static func load(_ paramsNode: Node, file: String, into builder: inout ParametersBuilder) -> [Diagnostic] {
        var reader = ParameterReader()
        guard let pairs = paramsNode.mapping else {
            return [ParameterReader.problem("params.kind", "expected a mapping for params, found \(paramsNode.kindName)", paramsNode, "params")]
        }
        for pair in pairs {
            guard let name = pair.key.scalar?.text else { continue }
            guard let parameter = reader.read(name: name, key: pair.key, node: pair.value) else { continue }
            if let first = builder.add(parameter) {
                reader.diagnostics.append(Diagnostic(
                    code: "params.duplicate",
                    message: "parameter '\(name)' is already declared at \(first.location)",
                    location: pair.key.start, path: "params." + name,
                    notes: [Diagnostic.Note("first declared here", at: first.location)]))
            }
        }
        return reader.diagnostics
    }
}
