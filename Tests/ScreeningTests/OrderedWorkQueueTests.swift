import Testing
import Foundation
@testable import Screening

/// Results come back in index order whatever the threads, the window and the batch that wakes
/// the deliverer, and no item is lost or delivered twice.
@Suite struct OrderedWorkQueueTests {
    @Test(arguments: [(1, 1, 8), (2, 1, 8), (4, 2, 8), (3, 64, 8), (8, 3, 8), (2, 32, 1), (2, 32, 16), (3, 5, 100), (2, 2, 2)])
    func deliversEveryItemInOrder(jobs: Int, window: Int, batch: Int) {
        let count = 2_000
        let queue = OrderedWorkQueue(count: count, jobs: jobs, window: window, batch: batch) { index in
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

    /// Fewer items than a batch, and a count that is no multiple of it: the last items are
    /// delivered without waiting for a batch that never comes.
    @Test(arguments: [1, 2, 3, 7, 9, 17])
    func deliversTheTailShorterThanABatch(count: Int) {
        let queue = OrderedWorkQueue(count: count, jobs: 2, batch: 8) { $0 }
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
        let queue = OrderedWorkQueue(count: 300, jobs: 3, window: 6, batch: 4) { index in
            if index == 0 { usleep(20_000) }
            return index
        }
        var delivered: [Int] = []
        queue.run { index, output in delivered.append(output) }
        #expect(delivered == Array(0..<300))
    }

    /// A result ready in order is delivered within moments even when no batch fills behind it
    /// (a reader of standard output sees each candidate as it is finished): the second item
    /// waits for the first to be delivered, 10 s at most, and it comes long before.
    @Test func aReadyResultDoesNotWaitForABatch() {
        final class Seen: @unchecked Sendable { var firstDelivered = false }
        let seen = Seen()
        let delivered = DispatchSemaphore(value: 0)
        let queue = OrderedWorkQueue(count: 2, jobs: 2, batch: 8) { index in
            if index == 1 { seen.firstDelivered = delivered.wait(timeout: .now() + 10) == .success }
            return index
        }
        queue.run { index, _ in if index == 0 { delivered.signal() } }
        #expect(seen.firstDelivered)
    }
}
