import Testing
@testable import Screening

/// Results come back in index order whatever the threads and the window, and no item is
/// lost or delivered twice.
@Suite struct OrderedWorkQueueTests {
    @Test(arguments: [(1, 1), (2, 1), (4, 2), (3, 64), (8, 3)])
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
}
