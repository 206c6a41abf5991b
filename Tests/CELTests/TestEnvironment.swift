@testable import CEL
import Diagnostics

/// A small schema for tests: a `discipline` record and variables `d`, `discipline`, `as_of`.
enum TestEnvironment {
    static let discipline = ObjectType(name: "discipline", fields: [
        .init(name: "system", type: .string), .init(name: "form", type: .string),
        .init(name: "date", type: .date), .init(name: "revoked", type: .bool),
        .init(name: "months", type: .int),
    ])

    /// Builds the environment and an activation binding `d`, `discipline` and `as_of`.
    static func make(calendar: HolidayCalendar? = nil) -> (Environment, Activation) {
        let environment = Environment(calendar: calendar)
        let d = environment.declare(variable: "d", type: .object(discipline))
        let list = environment.declare(variable: "discipline", type: .list(.object(discipline)))
        let asOf = environment.declare(variable: "as_of", type: .date)
        let m = environment.declare(variable: "m", type: .map(key: .string, value: .int))
        var activation = Activation(slotCount: environment.variableCount)
        let first = record(form: "warning", date: "2025-01-10", line: 3)
        let second = record(form: "removal", date: "2020-05-01", line: 7)
        activation[d] = .object(first)
        activation[list] = .list(ListValue([.object(first), .object(second)]))
        activation[asOf] = .date(CivilDate(iso: "2025-09-20")!)
        activation[m] = .map(MapValue(keys: [.string("a"), .string("b")], values: [.int(1), .int(2)]))
        return (environment, activation)
    }

    static func record(form: String, date: String, line: Int) -> ObjectValue {
        let origins = (0..<5).map { i in
            ValueOrigin(location: SourceLocation(file: "x.yaml", line: line + i, column: 5), path: "discipline.\(discipline.fields[i].name)")
        }
        return ObjectValue(
            type: discipline,
            fields: [.string("state"), .string(form), .date(CivilDate(iso: date)!), .bool(false), .null],
            present: [true, true, true, true, false],
            origin: ValueOrigin(location: SourceLocation(file: "x.yaml", line: line, column: 3), path: "discipline[0]"),
            fieldOrigins: origins)
    }

    /// Compiles and evaluates, returning the display text or `error: message`.
    static func run(_ text: String, calendar: HolidayCalendar? = nil) -> String {
        let (environment, activation) = make(calendar: calendar)
        do {
            let program = try Program.compile(text, in: environment)
            let value = program.evaluate(activation)
            if case .error(let e) = value { return "error: \(e.message)" }
            return value.displayText
        } catch {
            return error.issues.map { "\($0.code): \($0.message)" }.joined(separator: "\n")
        }
    }
}
