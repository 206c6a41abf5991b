@testable import CEL
import Diagnostics
import Testing

/// `ListValue(movingItemsOf:from:origin:)` takes a reader's scratch items over instead of
/// copying them: the list must hold exactly those items, the scratch exactly the ones before
/// `base`, and both must stay whole after the other is changed or dropped.
struct ListMovingTests {
    static let type = ObjectType(name: "r", fields: [.init(name: "a", type: .string)])

    static func record(_ text: String) -> Value {
        .object(ObjectValue(type: type, fields: [.string(text)], present: [true]))
    }

    @Test func movesTheItemsFromBaseOnAndKeepsTheOnesBefore() {
        let long = String(repeating: "dài ", count: 10)
        var scratch: [Value] = [.string("kept " + long), .int(1)]
        let moved: [Value] = [.string("moved " + long), Self.record("x " + long), .int(7), .null]
        scratch += moved
        let origin = ValueOrigin(location: SourceLocation(file: "d.yaml", line: 3, column: 1), path: "items")
        let list = ListValue(movingItemsOf: &scratch, from: 2, origin: origin)
        #expect(list.map(\.displayText) == moved.map(\.displayText))
        #expect(list.count == 4)
        #expect(list.origin == origin)
        #expect(scratch.map(\.displayText) == [Value.string("kept " + long), .int(1)].map(\.displayText))
        // The scratch is reused for the next list: the first list must not change with it.
        scratch.append(.string("next " + long))
        scratch.removeAll()
        #expect(list.map(\.displayText) == moved.map(\.displayText))
    }

    @Test func anEmptyTailMakesAnEmptyList() {
        var scratch: [Value] = [.int(1)]
        let list = ListValue(movingItemsOf: &scratch, from: 1)
        #expect(list.isEmpty)
        #expect(scratch.map(\.displayText) == ["1"])
        var empty: [Value] = []
        #expect(ListValue(movingItemsOf: &empty, from: 0).isEmpty)
    }

    /// Nested lists and records are freed with the list that holds them, one slot at a time.
    @Test func nestedValuesOutliveTheScratchAndAreFreedWithTheList() {
        weak var weakInner: AnyObject?
        do {
            var scratch: [Value] = []
            scratch.append(.list(ListValue([Self.record("inner")])))
            if case .list(let inner) = scratch[0] { weakInner = inner.storage }
            let outer = ListValue(movingItemsOf: &scratch, from: 0)
            #expect(scratch.isEmpty)
            #expect(weakInner != nil)
            #expect(outer.count == 1)
        }
        #expect(weakInner == nil)
    }
}
