@testable import CEL
import Diagnostics
import Testing

/// Pairs and one-argument calls read a constant, a variable or a field of a variable where it
/// is held (`HeldOperand`) instead of evaluating it: the answers, errors included, must be
/// those of the same operand evaluated (`[v][0].f` is a field of an index, always evaluated).
struct HeldOperandTests {
    /// `d` a record, `n` a null record variable, `l` a list of records; `past` is declared
    /// after the activation was made, so its slot is past the activation's end (reads null).
    static func run(_ text: String) throws -> String {
        let environment = Environment()
        let d = environment.declare(variable: "d", type: .object(TestEnvironment.discipline))
        let n = environment.declare(variable: "n", type: .object(TestEnvironment.discipline))
        let l = environment.declare(variable: "l", type: .list(.object(TestEnvironment.discipline)))
        var activation = Activation(slotCount: environment.variableCount)
        _ = environment.declare(variable: "past", type: .object(TestEnvironment.discipline))
        let record = TestEnvironment.record(form: "warning", date: "2025-01-10", line: 3)
        activation[d] = .object(record)
        activation[n] = .null
        activation[l] = .list(ListValue([.object(record)]))
        let value = try Program.compile(text, in: environment).evaluate(activation)
        if case .error(let error) = value { return "error \(error.code.rawValue): \(error.message)" }
        return value.displayText
    }

    @Test(arguments: [
        ("d.form == 'warning'", "[d][0].form == 'warning'"),
        ("'warning' == d.form", "'warning' == [d][0].form"),
        ("d.form in ['warning', 'removal']", "[d][0].form in ['warning', 'removal']"),
        ("d.form in ['removal', 'warnings', 'warnin']", "[d][0].form in ['removal', 'warnings', 'warnin']"),
        ("d.form in []", "[d][0].form in []"),
        ("l.exists(x, x.form in ['reprimand', 'warning'])", "l.exists(x, [x][0].form in ['reprimand', 'warning'])"),
        ("dyn(d.date) in ['2025-01-10']", "dyn([d][0].date) in ['2025-01-10']"),
        ("d.date <= date('2025-09-20')", "[d][0].date <= date('2025-09-20')"),
        ("size(d.form)", "size([d][0].form)"),
        ("n.form == 'warning'", "[n][0].form == 'warning'"),
        ("'warning' == n.form", "'warning' == [n][0].form"),
        ("size(n.form)", "size([n][0].form)"),
        ("past.form == 'warning'", "[past][0].form == 'warning'"),
        ("size(past.form)", "size([past][0].form)"),
        ("l.exists(x, x.form == 'warning' && x.months == null)", "l.exists(x, [x][0].form == 'warning' && [x][0].months == null)"),
        ("size(l) == 1", "size([l][0]) == 1"),
    ])
    func heldReadsAnswerAsEvaluatedOnes(held: String, evaluated: String) throws {
        #expect(try Self.run(held) == Self.run(evaluated))
    }

    @Test func nullRecordsStillFail() throws {
        #expect(try Self.run("n.form == 'warning'") == "error eval.missing: no such field 'form': the value is null")
        #expect(try Self.run("d.form == 'warning'") == "true")
    }

    /// `ObjectStorage.valuePointer` reads a slot's value at the slot's own address.
    @Test func aSlotsValueIsAtItsStart() {
        #expect(MemoryLayout<ObjectStorage.Slot>.offset(of: \ObjectStorage.Slot.value) == 0)
    }
}
