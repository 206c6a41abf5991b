import Testing
@testable import Screening

/// The table of first uses of candidate ids finds every earlier use (it may name a few more,
/// whose ids only hash alike; the screening reads those again to compare), through its growth.
@Suite struct FirstUseTableTests {
    @Test func everyInsertedIdIsFoundAtItsPosition() {
        var table = FirstUseTable(capacity: 4)
        for position in 0..<5_000 { table.insert("GEN-\(position)", position: position * 2) }
        for position in stride(from: 0, to: 5_000, by: 7) {
            #expect(table.positions(sharingHashWith: "GEN-\(position)").contains(position * 2))
        }
        let strangers = (0..<1_000).filter { !table.positions(sharingHashWith: "OTHER-\($0)").isEmpty }
        #expect(strangers.count < 5, "only hash collisions: \(strangers)")
    }

    @Test func anEmptyTableKnowsNoId() {
        #expect(FirstUseTable(capacity: 0).positions(sharingHashWith: "x").isEmpty)
    }
}
