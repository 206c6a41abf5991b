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

    /// The calls of one and two values (no array) accept and call as the array forms do.
    @Test func oneAndTwoValuesAsTheArrayFormsDo() {
        for overloads in StandardLibrary.base.values {
            for overload in overloads {
                for values in Self.values where values.count == 1 || values.count == 2 {
                    let accepts = values.count == 1 ? overload.accepts(values[0]) : overload.accepts(values[0], values[1])
                    #expect(accepts == overload.accepts(values), "\(overload.id) \(values)")
                }
            }
        }
        for (function, overloads) in StandardLibrary.base where overloads.count > 1 {
            let dispatch = Dispatch(function: function, overloads: overloads)
            // As checked calls are: as many values as every overload takes.
            for values in Self.values where values.count == 1 || values.count == 2 {
                guard overloads.allSatisfy({ $0.parameters.count == values.count }) else { continue }
                let value = values.count == 1 ? dispatch.call(values[0]) : dispatch.call(values[0], values[1])
                #expect(value.displayText == dispatch.call(values).displayText, "\(function) \(values)")
            }
        }
    }

    @Test func aDynCallTakesTheOverloadThatFits() {
        for (expression, expected) in [("dyn(1) + 2", "3"), ("dyn(1.5) + 2.0", "3.5"), ("dyn('a') + 'b'", "\"ab\""),
            ("size(dyn('abc'))", "3"), ("size(dyn([1, 2]))", "2"), ("dyn([1]) + [2]", "[1, 2]")] {
            #expect(TestEnvironment.run(expression) == expected, "\(expression)")
        }
    }
}
