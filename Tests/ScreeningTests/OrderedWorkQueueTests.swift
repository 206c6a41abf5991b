import Testing
import Foundation
@testable import Screening

/// Results come back in index order whatever the threads and the window, and no item is lost
/// or delivered twice.
@Suite struct OrderedWorkQueueTests {
    @Test(arguments: [(1, 1), (2, 1), (4, 2), (3, 64), (8, 3), (2, 32), (3, 5), (2, 2)])
    func deliversEveryItemInOrder(jobs: Int, window: Int) {
        let count = 2_000
        let queue = OrderedWorkQueue(count: count, jobs: jobs, window: window) { index in
            // Uneven work, so that items finish out of order.
            var total = 0
            for step in 0..<((index * 7919) % 500) { total &+= step }
            return index &+ total &* 0
        }
        var delivered: [Int] = []
        queue.run { index, output in
            #expect(index == output)
            delivered.append(index)
        }
        #expect(delivered == Array(0..<count))
    }

    /// Fewer items than workers or than the window: every one is delivered.
    @Test(arguments: [1, 2, 3, 7, 9, 17])
    func deliversAShortRun(count: Int) {
        let queue = OrderedWorkQueue(count: count, jobs: 2) { $0 }
        var delivered: [Int] = []
        queue.run { index, output in
            #expect(index == output)
            delivered.append(index)
        }
        #expect(delivered == Array(0..<count))
    }

    /// The first item is the slowest: everything after it waits in the window, then comes out
    /// in order once it is in; workers blocked on a full window are woken as it drains.
    @Test func aSlowFirstItemHoldsTheOthersInOrder() {
        let queue = OrderedWorkQueue(count: 300, jobs: 3, window: 6) { index in
            if index == 0 { usleep(20_000) }
            return index
        }
        var delivered: [Int] = []
        queue.run { index, output in delivered.append(output) }
        #expect(delivered == Array(0..<300))
    }

    /// A result ready in order is delivered at once, whatever is still being worked on (a
    /// reader of standard output sees each candidate as it is finished): the second item
    /// waits for the first to be delivered, 10 s at most, and it comes long before.
    @Test func aReadyResultIsDeliveredAtOnce() {
        final class Seen: @unchecked Sendable { var firstDelivered = false }
        let seen = Seen()
        let delivered = DispatchSemaphore(value: 0)
        let queue = OrderedWorkQueue(count: 2, jobs: 2) { index in
            if index == 1 { seen.firstDelivered = delivered.wait(timeout: .now() + 10) == .success }
            return index
        }
        queue.run { index, _ in if index == 0 { delivered.signal() } }
        #expect(seen.firstDelivered)
    }

    /// Each worker makes its own `work` once, on its own thread, and uses only that one.
    @Test(arguments: [1, 2, 4])
    func eachWorkerMakesItsOwnWork(jobs: Int) {
        final class Made: @unchecked Sendable {
            let lock = NSLock()
            var workers: [Int] = []
        }
        let made = Made()
        let queue = OrderedWorkQueue(count: 500, jobs: jobs) { (worker: Int) -> (Int) -> [Int] in
            made.lock.withLock { made.workers.append(worker) }
            let thread = pthread_self()
            return { index in
                #expect(pthread_equal(thread, pthread_self()) != 0)
                return [worker, index]
            }
        }
        var delivered: [Int] = []
        var workers: Set<Int> = []
        queue.run { index, output in
            #expect(output[1] == index)
            delivered.append(index)
            workers.insert(output[0])
        }
        #expect(delivered == Array(0..<500))
        // A worker started late may find nothing left to do: every worker that did work made it once.
        let madeBy = made.lock.withLock { made.workers }
        #expect(Set(madeBy).count == madeBy.count && madeBy.allSatisfy { (0..<jobs).contains($0) })
        #expect(workers.isSubset(of: Set(madeBy)))
    }

    /// The workers deliver, one at a time: `deliver` never runs twice at once, and the items
    /// still come in order.
    @Test(arguments: [2, 3, 8])
    func deliveriesNeverOverlap(jobs: Int) {
        final class Overlaps: @unchecked Sendable {
            let lock = NSLock()
            var inside = 0
            var most = 0
        }
        let overlaps = Overlaps()
        let queue = OrderedWorkQueue(count: 3_000, jobs: jobs, window: 8) { index in index }
        var delivered: [Int] = []
        queue.run { index, output in
            overlaps.lock.withLock {
                overlaps.inside += 1
                overlaps.most = max(overlaps.most, overlaps.inside)
            }
            if index % 500 == 0 { usleep(2_000) }
            delivered.append(output)
            overlaps.lock.withLock { overlaps.inside -= 1 }
        }
        #expect(overlaps.most == 1)
        #expect(delivered == Array(0..<3_000))
    }
}
