/// One signature of a function, with its implementation bound at check time.
///
/// Receiver-style overloads (`s.startsWith(p)`) have a `receiver`; the implementation
/// then gets the receiver as its first argument. Implementations never see error values:
/// the interpreter returns the first erroneous argument before calling them.
public struct FunctionOverload: Sendable {
    /// A stable id such as `add_int64` or `vnd_int`, for messages and tests.
    public let id: String
    public let receiver: CELType?
    public let arguments: [CELType]
    public let result: CELType
    let implementation: Implementation

    /// The shapes an implementation takes; unary and binary avoid an array per call.
    enum Implementation: Sendable {
        case unary(@Sendable (Value) -> Value)
        case binary(@Sendable (Value, Value) -> Value)
        case nary(@Sendable ([Value]) -> Value)
    }

    /// A host function (`vnd`, `param_at`): the implementation gets the receiver (if any)
    /// then the arguments, and returns a value or `.error`.
    public init(
        id: String, receiver: CELType? = nil, arguments: [CELType], result: CELType,
        implementation: @escaping @Sendable ([Value]) -> Value
    ) {
        self.init(id: id, receiver: receiver, arguments: arguments, result: result, .nary(implementation))
    }

    init(id: String, receiver: CELType? = nil, arguments: [CELType], result: CELType, _ implementation: Implementation) {
        self.id = id
        self.receiver = receiver
        self.arguments = arguments
        self.result = result
        self.implementation = implementation
    }

    static func unary(_ id: String, _ argument: CELType, _ result: CELType, receiver: Bool = false,
                      _ body: @escaping @Sendable (Value) -> Value) -> FunctionOverload {
        receiver
            ? FunctionOverload(id: id, receiver: argument, arguments: [], result: result, .unary(body))
            : FunctionOverload(id: id, arguments: [argument], result: result, .unary(body))
    }

    static func binary(_ id: String, _ a: CELType, _ b: CELType, _ result: CELType, receiver: Bool = false,
                       _ body: @escaping @Sendable (Value, Value) -> Value) -> FunctionOverload {
        receiver
            ? FunctionOverload(id: id, receiver: a, arguments: [b], result: result, .binary(body))
            : FunctionOverload(id: id, arguments: [a, b], result: result, .binary(body))
    }

    static func nary(_ id: String, receiver: CELType? = nil, _ arguments: [CELType], _ result: CELType,
                     _ body: @escaping @Sendable ([Value]) -> Value) -> FunctionOverload {
        FunctionOverload(id: id, receiver: receiver, arguments: arguments, result: result, .nary(body))
    }

    /// The receiver (if any) followed by the arguments.
    var parameters: [CELType] { (receiver.map { [$0] } ?? []) + arguments }

    /// Whether each value conforms to the parameter in its place (the receiver first), over
    /// as many as both have: `zip(parameters, values)` without building `parameters`.
    func accepts(_ values: [Value]) -> Bool { accepts(count: values.count) { values[$0] } }

    /// `accepts([a])`, without the array.
    func accepts(_ a: Value) -> Bool { accepts(count: 1) { _ in a } }

    /// `accepts([a, b])`, without the array.
    func accepts(_ a: Value, _ b: Value) -> Bool { accepts(count: 2) { $0 == 0 ? a : b } }

    /// `accepts` of `count` values, the one at each place given by `value`.
    @inline(__always)
    private func accepts(count: Int, _ value: (Int) -> Value) -> Bool {
        var next = 0
        if let receiver {
            guard next < count else { return true }
            guard value(next).conforms(to: receiver) else { return false }
            next = 1
        }
        for argument in arguments {
            guard next < count else { return true }
            guard value(next).conforms(to: argument) else { return false }
            next += 1
        }
        return true
    }

    /// Calls the implementation with already-evaluated, error-free arguments.
    func call(_ values: [Value]) -> Value {
        switch implementation {
        case .unary(let f): values.count == 1 ? f(values[0]) : Self.wrongCount
        case .binary(let f): values.count == 2 ? f(values[0], values[1]) : Self.wrongCount
        case .nary(let f): f(values)
        }
    }

    /// `call([a])`: an array is built only for an n-ary implementation.
    func call(_ a: Value) -> Value {
        switch implementation {
        case .unary(let f): f(a)
        case .binary: Self.wrongCount
        case .nary(let f): f([a])
        }
    }

    /// `call([a, b])`: an array is built only for an n-ary implementation.
    func call(_ a: Value, _ b: Value) -> Value {
        switch implementation {
        case .unary: Self.wrongCount
        case .binary(let f): f(a, b)
        case .nary(let f): f([a, b])
        }
    }

    private static var wrongCount: Value { .error(EvalError(.evalUnchecked, "wrong number of arguments")) }
}
