/// Arithmetic, negation, `!` and ordering, with CEL's overloads. Each operator has one
/// polymorphic implementation shared by its overloads; int overflow and division or modulus
/// by zero are errors, doubles follow IEEE 754.
enum Operators {
    typealias T = CELType
    static let A = StandardLibrary.A

    static var all: [NamedOverload] {
        var list: [NamedOverload] = []
        func add(_ name: String, _ id: String, _ a: T, _ b: T, _ r: T, _ f: @escaping @Sendable (Value, Value) -> Value) {
            list.append(NamedOverload(name, .binary(id, a, b, r, f)))
        }
        for (id, t) in [("int64", T.int), ("double", .double)] {
            add("_+_", "add_\(id)", t, t, t, plus)
            add("_-_", "subtract_\(id)", t, t, t, minus)
            add("_*_", "multiply_\(id)", t, t, t, times)
            add("_/_", "divide_\(id)", t, t, t, divide)
            list.append(NamedOverload("-_", .unary("negate_\(id)", t, t, negate)))
        }
        add("_%_", "modulo_int64", .int, .int, .int, modulo)
        add("_+_", "add_string", .string, .string, .string, plus)
        add("_+_", "add_list", .list(A), .list(A), .list(A), plus)
        add("_+_", "add_timestamp_duration", .timestamp, .duration, .timestamp, plus)
        add("_+_", "add_duration_timestamp", .duration, .timestamp, .timestamp, plus)
        add("_+_", "add_duration_duration", .duration, .duration, .duration, plus)
        add("_-_", "subtract_timestamp_timestamp", .timestamp, .timestamp, .duration, minus)
        add("_-_", "subtract_timestamp_duration", .timestamp, .duration, .timestamp, minus)
        add("_-_", "subtract_duration_duration", .duration, .duration, .duration, minus)
        list.append(NamedOverload("!_", .unary("logical_not", .bool, .bool) { v in
            if case .bool(let b) = v { return .bool(!b) }
            return .fail(.evalType, "no such overload: !_(\(v.runtimeType.celName))")
        }))
        let ordered: [(String, T, T)] = [
            ("int64", .int, .int), ("int64_double", .int, .double), ("double_int64", .double, .int),
            ("double", .double, .double), ("string", .string, .string), ("bool", .bool, .bool),
            ("timestamp", .timestamp, .timestamp), ("duration", .duration, .duration), ("date", .date, .date),
        ]
        let comparisons: [(String, String, Comparison)] = [
            ("_<_", "less", .less), ("_<=_", "less_equals", .lessOrEqual),
            ("_>_", "greater", .greater), ("_>=_", "greater_equals", .greaterOrEqual),
        ]
        for (name, prefix, comparison) in comparisons {
            for (suffix, a, b) in ordered {
                add(name, "\(prefix)_\(suffix)", a, b, .bool) { x, y in
                    guard let order = Value.order(x, y) else {
                        return .fail(.evalType, "no such overload: \(name)(\(x.runtimeType.celName), \(y.runtimeType.celName))")
                    }
                    return .bool(comparison.holds(order))
                }
            }
        }
        return list
    }

    /// An ordering operator, tested with a `switch` where it is used: a closure per operator
    /// made every comparison a call through a thunk (rules compare dates and counts often).
    enum Comparison: Sendable {
        case less, lessOrEqual, greater, greaterOrEqual

        @inline(__always)
        func holds(_ order: Value.Order) -> Bool {
            switch self {
            case .less: order == .less
            case .lessOrEqual: order == .less || order == .equal
            case .greater: order == .greater
            case .greaterOrEqual: order == .greater || order == .equal
            }
        }
    }

    static func mismatch(_ op: String, _ a: Value, _ b: Value) -> Value {
        .fail(.evalType, "no such overload: \(op)(\(a.runtimeType.celName), \(b.runtimeType.celName))")
    }

    @Sendable static func plus(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .overflow : .int(r)
        case (.double(let x), .double(let y)): return .double(x + y)
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.list(let x), .list(let y)): return .list(concatenated(x, y))
        case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
            return t.adding(d).map(Value.timestamp) ?? .fail(.evalOverflow, "timestamp out of range")
        case (.duration(let x), .duration(let y)): return x.adding(y).map(Value.duration) ?? .fail(.evalOverflow, "duration out of range")
        default: return mismatch("_+_", a, b)
        }
    }

    /// `x + y` of two lists: the elements gathered once and moved into the list, not copied
    /// into an array per side, joined into a third and copied again (three arrays a `+`).
    static func concatenated(_ x: ListValue, _ y: ListValue) -> ListValue {
        var elements: [Value] = []
        elements.reserveCapacity(x.count + y.count)
        elements.append(contentsOf: x)
        elements.append(contentsOf: y)
        return ListValue(movingItemsOf: &elements, from: 0)
    }

    @Sendable static func minus(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .overflow : .int(r)
        case (.double(let x), .double(let y)): return .double(x - y)
        case (.timestamp(let x), .timestamp(let y)): return x.difference(y).map(Value.duration) ?? .fail(.evalOverflow, "duration out of range")
        case (.timestamp(let t), .duration(let d)): return t.subtracting(d).map(Value.timestamp) ?? .fail(.evalOverflow, "timestamp out of range")
        case (.duration(let x), .duration(let y)): return x.subtracting(y).map(Value.duration) ?? .fail(.evalOverflow, "duration out of range")
        default: return mismatch("_-_", a, b)
        }
    }

    @Sendable static func times(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .overflow : .int(r)
        case (.double(let x), .double(let y)): return .double(x * y)
        default: return mismatch("_*_", a, b)
        }
    }

    @Sendable static func divide(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { return .fail(.evalDivisionByZero, "division by zero") }
            let (r, o) = x.dividedReportingOverflow(by: y)
            return o ? .overflow : .int(r)
        case (.double(let x), .double(let y)): return .double(x / y)
        default: return mismatch("_/_", a, b)
        }
    }

    @Sendable static func modulo(_ a: Value, _ b: Value) -> Value {
        guard case .int(let x) = a, case .int(let y) = b else { return mismatch("_%_", a, b) }
        if y == 0 { return .fail(.evalDivisionByZero, "modulus by zero") }
        let (r, o) = x.remainderReportingOverflow(dividingBy: y)
        return o ? .overflow : .int(r)
    }

    @Sendable static func negate(_ a: Value) -> Value {
        switch a {
        case .int(let x):
            let (r, o) = Int64(0).subtractingReportingOverflow(x)
            return o ? .overflow : .int(r)
        case .double(let x): return .double(-x)
        default: return .fail(.evalType, "no such overload: -_(\(a.runtimeType.celName))")
        }
    }
}
