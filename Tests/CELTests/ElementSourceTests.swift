import Testing
@testable import CEL

/// Lists read from an `ElementSource` (the slate's candidates, kept on disk) are looped,
/// counted and indexed one element at a time, never built whole.
@Suite struct ElementSourceTests {
    /// Gives 1...count and counts the reads.
    final class Numbers: ListValue.ElementSource, @unchecked Sendable {
        let count: Int
        var reads = 0
        init(count: Int) { self.count = count }
        func element(at index: Int) -> Value {
            reads += 1
            return .int(Int64(index + 1))
        }
    }

    static func run(_ text: String, over source: Numbers) -> String {
        let environment = Environment()
        let slot = environment.declare(variable: "l", type: .list(.int))
        var activation = Activation(slotCount: environment.variableCount)
        activation[slot] = .list(ListValue(source: source))
        guard let program = try? Program.compile(text, in: environment) else { return "compile error" }
        let value = program.evaluate(activation)
        if case .error(let error) = value { return "error: \(error.message)" }
        return value.displayText
    }

    @Test(arguments: [
        ("size(l)", "10", 0),
        ("l[3]", "4", 1),
        ("l[10]", "error: index out of range: 10", 0),
        ("5 in l", "true", 5),
        ("l.exists(x, x == 2)", "true", 2),
        ("l.all(x, x < 100)", "true", 10),
        ("size(l.filter(x, x % 2 == 0))", "5", 10),
        ("l.filter(x, x > 8).size()", "2", 10),
        ("sum(l)", "55", 10),
        ("max(l)", "10", 11),  // the first is read twice: as the start, then compared
    ])
    func readsOnlyWhatItNeeds(text: String, expected: String, reads: Int) {
        let source = Numbers(count: 10)
        #expect(Self.run(text, over: source) == expected)
        #expect(source.reads == reads)
    }

    /// `size(l.filter(...))` counts: the planned node gives an int, with no list in between.
    @Test func sizeOfAFilterIsPlannedAsACount() throws {
        let environment = Environment()
        _ = environment.declare(variable: "l", type: .list(.int))
        let program = try Program.compile("size(l.filter(x, x > 1))", in: environment)
        let root = try #require(program.root as? ComprehensionNode)
        #expect(root.counts && root.kind == .filter)
    }

    @Test func aHeldListAndASourcedOneReadAlike() {
        let held = ListValue((1...4).map { Value.int(Int64($0)) })
        let sourced = ListValue(source: Numbers(count: 4))
        #expect(Array(held).map(\.displayText) == Array(sourced).map(\.displayText))
        #expect(held.elements.map(\.displayText) == sourced.elements.map(\.displayText))
        #expect(Value.equal(.list(held), .list(sourced)))
    }
}
