import CEL
import Foundation
import RuleEngine
import Testing
@testable import Screening

/// The slate's kept records read back exactly, from the file and from memory alike.
@Suite struct SlateRecordStoreTests {
    static let person = ObjectType(name: "person", fields: [
        .init(name: "name", type: .string), .init(name: "year", type: .int),
    ])

    static func record(_ index: Int) -> ObjectValue {
        ObjectValue(
            type: person, fields: [.string(String(repeating: "n", count: index % 50) + "\(index)"), .int(Int64(index))],
            present: [true, index % 3 != 0])
    }

    static func fill(_ store: SlateRecordStore, count: Int) {
        let codec = RecordCodec(root: person)
        for index in 0..<count { store.append(codec.encode(record(index), file: "d\(index).yaml"), file: "d\(index).yaml") }
    }

    static func text(_ value: Value) -> String {
        guard case .object(let object) = value else { return value.displayText }
        return "\(object.fields.map(\.displayText)) \(object.present)"
    }

    @Test(arguments: [64, 1 << 20])
    func recordsReadBackInAnyOrder(blockSize: Int) {
        let store = SlateRecordStore(codec: RecordCodec(root: Self.person), blockSize: blockSize)
        Self.fill(store, count: 500)
        #expect(store.isOnDisk)
        #expect(store.count == 500)
        for index in [499, 0, 250, 1, 498, 3, 3, 120] {
            #expect(Self.text(store.element(at: index)) == Self.text(.object(Self.record(index))))
        }
        #expect(store.position(of: Self.record(7)) == nil)  // no origin: not from a dossier
    }

    @Test func withoutATemporaryFolderRecordsStayInMemory() {
        let store = SlateRecordStore(codec: RecordCodec(root: Self.person), folder: "/nonexistent/appraise", blockSize: 64)
        Self.fill(store, count: 100)
        #expect(!store.isOnDisk)
        #expect(Self.text(store.element(at: 42)) == Self.text(.object(Self.record(42))))
    }

    @Test func nothingIsLeftInTheTemporaryFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("slate-store-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = SlateRecordStore(codec: RecordCodec(root: Self.person), folder: folder, blockSize: 64)
        Self.fill(store, count: 100)
        #expect(store.isOnDisk)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    @Test func aPositionIsFoundByTheDossierFile() {
        let store = SlateRecordStore(codec: RecordCodec(root: Self.person))
        let codec = RecordCodec(root: Self.person)
        for index in 0..<3 {
            let file = "d\(index).yaml"
            let located = ObjectValue(
                type: Self.person, fields: [.string("x"), .int(1)], present: [true, true],
                origin: ValueOrigin(location: .init(file: file, line: 1, column: 1), path: ""))
            store.append(codec.encode(located, file: file), file: file)
        }
        guard case .object(let second) = store.element(at: 2) else { return #expect(Bool(false)) }
        #expect(store.position(of: second) == 2)
    }

    /// Two threads reading the records in turn, each in order (two slate rules side by side),
    /// each read on in blocks: one thread's reads do not break the other's sequence.
    @Test func readersInTurnEachReadInBlocks() {
        let store = SlateRecordStore(codec: RecordCodec(root: Self.person), blockSize: 4096)
        Self.fill(store, count: 2_000)
        final class Mismatches: @unchecked Sendable { var count = 0 }
        let mismatches = Mismatches()
        let turns = [DispatchSemaphore(value: 1), DispatchSemaphore(value: 0)]
        let done = DispatchSemaphore(value: 0)
        for reader in 0..<2 {
            Thread {
                for step in 0..<1_000 {
                    turns[reader].wait()
                    let index = reader * 1_000 + step
                    if Self.text(store.element(at: index)) != Self.text(.object(Self.record(index))) { mismatches.count += 1 }
                    turns[1 - reader].signal()
                }
                done.signal()
            }.start()
        }
        done.wait()
        done.wait()
        #expect(mismatches.count == 0)
        // About 70 KB of records in 4 KB blocks: a few dozen reads, not one per record.
        #expect(store.fileReads < 100, "\(store.fileReads) reads")
    }

    /// More reading threads alive at once than the readers the store keeps (16): the store
    /// starts its readers afresh, and every thread still reads every record right, both
    /// before and after the others joined.
    @Test func moreThreadsThanKeptReadersStillReadRight() {
        let store = SlateRecordStore(codec: RecordCodec(root: Self.person), blockSize: 512)
        Self.fill(store, count: 2_000)
        final class Mismatches: @unchecked Sendable {
            let lock = NSLock()
            var count = 0
        }
        let mismatches = Mismatches()
        let threads = 24
        let arrived = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        @Sendable func read(_ range: Range<Int>) {
            for index in range where Self.text(store.element(at: index)) != Self.text(.object(Self.record(index))) {
                mismatches.lock.withLock { mismatches.count += 1 }
            }
        }
        for thread in 0..<threads {
            Thread {
                let first = thread * 80
                read(first..<first + 40)
                // Every thread stays alive until all have read: their ids are all distinct.
                arrived.signal()
                go.wait()
                read(first + 40..<first + 80)
                done.signal()
            }.start()
        }
        for _ in 0..<threads { arrived.wait() }
        for _ in 0..<threads { go.signal() }
        for _ in 0..<threads { done.wait() }
        #expect(mismatches.count == 0)
    }
}
