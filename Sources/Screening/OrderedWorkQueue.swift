import Foundation

/// Runs `work(i)` for i in 0..<count on `jobs` threads and hands the results to the caller in
/// index order, so reports come out in input order whatever `--jobs` is. Workers never run
/// more than `window` items ahead of delivery, which keeps memory flat for any input count.
///
/// The delivering thread sleeps until `batch` results are ready in order (or the last one
/// is), then delivers all that are ready: one wake-up per several items, not one per item —
/// with two workers and a deliverer on two cores, each wake-up is a task switch. It also
/// looks every `maxDelay` seconds, so a result ready in order never waits long for a batch
/// that is slow to fill (large dossiers): someone may be reading the report as it comes.
public final class OrderedWorkQueue<Output: Sendable>: @unchecked Sendable {
    private let count: Int
    private let jobs: Int
    private let window: Int
    /// How many results in order wake the deliverer (at most half the window, so that the
    /// workers keep going while it delivers).
    private let batch: Int
    /// How long the deliverer sleeps at most before it delivers what is ready, batch or not.
    private let maxDelay: Double
    private let makeWork: @Sendable (_ worker: Int) -> (Int) -> Output
    private let condition = NSCondition()
    private var nextToClaim = 0
    private var nextToDeliver = 0
    /// The first index from `nextToDeliver` on whose result is not in yet: the results of
    /// `nextToDeliver..<ready` can be delivered.
    private var ready = 0
    /// Finished results by `index % window`; an item's slot is free again once it is delivered.
    private var finished: [Output?]
    private var delivererWaits = false

    public convenience init(
        count: Int, jobs: Int, window: Int? = nil, batch: Int = 8, maxDelay: Double = 0.05,
        work: @escaping @Sendable (Int) -> Output
    ) {
        self.init(count: count, jobs: jobs, window: window, batch: batch, maxDelay: maxDelay, makeWork: { _ in work })
    }

    /// `makeWork(worker)` is called once on each worker's own thread (`worker` in `0..<jobs`) and
    /// gives the `work` that worker runs: a worker can then work with objects of its own.
    public init(
        count: Int, jobs: Int, window: Int? = nil, batch: Int = 8, maxDelay: Double = 0.05,
        makeWork: @escaping @Sendable (_ worker: Int) -> (Int) -> Output
    ) {
        self.count = count
        self.jobs = max(1, min(jobs, max(count, 1)))
        self.window = max(window ?? self.jobs * 16, self.jobs)
        self.batch = max(1, min(batch, self.window / 2))
        self.maxDelay = maxDelay
        self.makeWork = makeWork
        finished = []
    }

    /// Blocks until every item is delivered; `deliver` runs on the calling thread, in order.
    public func run(deliver: (Int, Output) -> Void) {
        guard count > 0 else { return }
        if jobs == 1 {
            // One job: on the calling thread (the server's worker, the CLI's main thread, both
            // with 8 MiB stacks), with no thread to start per call.
            let work = makeWork(0)
            for index in 0..<count { deliver(index, work(index)) }
            return
        }
        finished = Array(repeating: nil, count: window)
        var threads: [Thread] = []
        for worker in 0..<jobs {
            let thread = Thread { [self] in workerLoop(work: makeWork(worker)) }
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
        condition.lock()
        while nextToDeliver < count {
            if ready == nextToDeliver {
                // Nothing to deliver: sleep until a batch is ready in order, or the rest is, or
                // `maxDelay` has passed with something ready.
                var deadline = Date(timeIntervalSinceNow: maxDelay)
                while ready - nextToDeliver < batch && ready < count {
                    delivererWaits = true
                    if !condition.wait(until: deadline) {
                        if ready > nextToDeliver { break }
                        deadline = Date(timeIntervalSinceNow: maxDelay)
                    }
                }
                delivererWaits = false
            }
            let index = nextToDeliver
            let output = finished[index % window].take()!
            condition.unlock()
            deliver(index, output)
            condition.lock()
            // Workers wait only while the window is full: wake them only when it was.
            if nextToClaim - nextToDeliver >= window { condition.broadcast() }
            nextToDeliver += 1
        }
        condition.unlock()
    }

    private func workerLoop(work: (Int) -> Output) {
        condition.lock()
        while true {
            while nextToClaim < count && nextToClaim - nextToDeliver >= window { condition.wait() }
            guard nextToClaim < count else {
                condition.unlock()
                return
            }
            let index = nextToClaim
            nextToClaim += 1
            condition.unlock()
            let output = work(index)
            condition.lock()
            finished[index % window] = output
            if index == ready {
                while ready < nextToClaim, finished[ready % window] != nil { ready += 1 }
                // The deliverer waits only for a batch in order, or for the last item.
                if delivererWaits, ready - nextToDeliver >= batch || ready == count {
                    delivererWaits = false
                    condition.broadcast()
                }
            }
        }
    }
}
