/// The declarations an expression is checked against: variables (each with an activation
/// slot), functions (the standard library, the domain extensions, and host functions such as
/// `vnd`), and the holiday calendar for `working_days_between`.
///
/// `extended()` makes a child scope for `for_each`/`let` names: it sees the parent's
/// declarations and shares its slot numbering, so one `Activation` serves both.
public final class Environment: @unchecked Sendable {
    /// Shared by a scope and all its children so slots never collide.
    final class SlotCounter: @unchecked Sendable { var count = 0 }

    let parent: Environment?
    let counter: SlotCounter
    public let calendar: HolidayCalendar?
    private var variables: [String: (slot: Int, type: CELType)] = [:]
    private var functions: [String: [FunctionOverload]]

    /// A root environment with the standard library and domain functions.
    public init(calendar: HolidayCalendar? = nil) {
        parent = nil
        counter = SlotCounter()
        self.calendar = calendar
        functions = StandardLibrary.functions(calendar: calendar)
    }

    private init(parent: Environment) {
        self.parent = parent
        counter = parent.counter
        calendar = parent.calendar
        functions = [:]
    }

    /// Declares (or redeclares, in this scope) a variable; returns its activation slot.
    @discardableResult
    public func declare(variable name: String, type: CELType) -> Int {
        let slot = counter.count
        counter.count += 1
        variables[name] = (slot, type)
        return slot
    }

    /// Adds host overloads to a function (new or existing) in this scope.
    public func declare(function name: String, overloads: [FunctionOverload]) {
        functions[name, default: []].append(contentsOf: overloads)
    }

    /// A child scope sharing this one's declarations and slot numbering.
    public func extended() -> Environment { Environment(parent: self) }

    /// The number of slots an `Activation` for this environment (and its children) needs.
    public var variableCount: Int { counter.count }

    /// Every variable name visible here, for "did you mean" suggestions.
    public func variableNames() -> [String] {
        Array(Set(variables.keys).union(parent?.variableNames() ?? [])).sorted()
    }

    /// The slot and type of a visible variable.
    public func lookup(variable name: String) -> (slot: Int, type: CELType)? {
        variables[name] ?? parent?.lookup(variable: name)
    }

    /// Every overload of a function visible here (this scope's first).
    func overloads(of name: String) -> [FunctionOverload] {
        (functions[name] ?? []) + (parent?.overloads(of: name) ?? [])
    }

    /// Every function name visible here, for suggestions.
    func functionNames() -> [String] {
        Array(Set(functions.keys).union(parent?.functionNames() ?? [])).sorted()
    }
}
