/// The function table every root `Environment` starts from: CEL's standard functions and
/// operators, the string extensions, timestamps and durations, and the domain extensions.
enum StandardLibrary {
    static let A = CELType.parameter("A")
    static let B = CELType.parameter("B")

    /// The calendar-independent part, built once.
    static let base: [String: [FunctionOverload]] = {
        var table: [String: [FunctionOverload]] = [:]
        for overload in Operators.all + Conversions.all + Strings.all + TimeFunctions.all + Dates.all
            + Aggregates.all
        {
            table[overload.name, default: []].append(overload.overload)
        }
        return table
    }()

    static func functions(calendar: HolidayCalendar?) -> [String: [FunctionOverload]] {
        var table = base
        table["working_days_between"] = [Dates.workingDaysBetween(calendar)]
        return table
    }
}

/// A function name with one of its overloads, as the library files list them.
struct NamedOverload {
    let name: String
    let overload: FunctionOverload

    init(_ name: String, _ overload: FunctionOverload) {
        self.name = name
        self.overload = overload
    }
}

/// Shorthands for library implementations.
extension Value {
    static func fail(_ code: CELCode, _ message: String) -> Value { .error(EvalError(code, message)) }
    static let overflow = Value.fail(.evalOverflow, "integer overflow")
}
