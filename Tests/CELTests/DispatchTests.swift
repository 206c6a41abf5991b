import Testing
@testable import CEL

/// A call through several overloads (an argument typed `dyn`) picks the first whose
/// parameters accept the values, as `zip(parameters, values)` would, without building them.
struct DispatchTests {
    static let values: [[Value]] = [
        [], [.int(1)], [.double(1.5)], [.string("a")], [.int(1), .double(2)], [.double(1), .int(2)],
        [.string("a"), .string("b")], [.list(ListValue([.int(1)]))], [.int(1), .int(2), .int(3)],
        [.string("a"), .int(1), .int(2)], [.bool(true), .null],
    ]

    @Test func acceptsAsTheParameterListWould() {
        var compared = 0
        for overloads in StandardLibrary.base.values {
            for overload in overloads {
                for values in Self.values {
                    let zipped = zip(overload.parameters, values).allSatisfy { $1.conforms(to: $0) }
                    #expect(overload.accepts(values) == zipped, "\(overload.id) \(values)")
                    compared += 1
                }
            }
        }
        #expect(compared > 1000)
    }

    @Test func aDynCallTakesTheOverloadThatFits() {
        for (expression, expected) in [("dyn(1) + 2", "3"), ("dyn(1.5) + 2.0", "3.5"), ("dyn('a') + 'b'", "\"ab\"")] {
            #expect(TestEnvironment.run(expression) == expected, "\(expression)")
        }
    }
}
