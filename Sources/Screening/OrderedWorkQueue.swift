import Foundation

/// Runs `work(i)` for i in 0..<count on `jobs` threads and hands the results to the caller's
/// `deliver` in index order, so reports come out in input order whatever `--jobs` is. Workers
/// never run more than `window` items ahead of delivery, which keeps memory flat for any
/// input count.
///
/// The workers deliver: the one that finishes a result with every earlier one delivered
/// delivers it and whatever else is ready in order, then goes back to work, while the others
/// keep working. No third thread wakes to deliver (with two workers and a deliverer on two
/// cores, each wake-up was a task switch), and a result ready in order is delivered at once:
/// someone may be reading the report as it comes. One worker delivers at a time, so `deliver`
/// never runs twice at once; the caller's thread waits until the last item is delivered.
public final class OrderedWorkQueue<Output: Sendable>: @unchecked Sendable {
    private let count: Int
    private let jobs: Int
    private let window: Int
    private let makeWork: @Sendable (_ worker: Int) -> (Int) -> Output
    private let condition = NSCondition()
    private var nextToClaim = 0
    private var nextToDeliver = 0
    /// The first index from `nextToDeliver` on whose result is not in yet: the results of
    /// `nextToDeliver..<ready` can be delivered.
    private var ready = 0
    /// Finished results by `index % window`; an item's slot is free again once it is delivered.
    private var finished: [Output?]
    /// Whether a worker is delivering.
    private var delivering = false
    /// Workers started and not yet finished: `run` returns only after the last one is, so that
    /// none still holds `deliver`.
    private var running = 0
    /// The caller's `deliver`, set while `run` runs.
    private var deliver: ((Int, Output) -> Void)?

    public convenience init(count: Int, jobs: Int, window: Int? = nil, work: @escaping @Sendable (Int) -> Output) {
        self.init(count: count, jobs: jobs, window: window, makeWork: { _ in work })
    }

    /// `makeWork(worker)` is called on each worker's own thread (`worker` in `0..<jobs`) before
    /// its first item, once, and gives the `work` that worker runs: a worker can then work
    /// with objects of its own.
    public init(
        count: Int, jobs: Int, window: Int? = nil, makeWork: @escaping @Sendable (_ worker: Int) -> (Int) -> Output
    ) {
        self.count = count
        self.jobs = max(1, min(jobs, max(count, 1)))
        self.window = max(window ?? self.jobs * 16, self.jobs)
        self.makeWork = makeWork
        finished = []
    }

    /// Blocks until every item is delivered; `deliver` is called in index order, one call at
    /// a time, on the calling thread (one job) or on the workers' threads.
    public func run(deliver: (Int, Output) -> Void) {
        guard count > 0 else { return }
        if jobs == 1 {
            // One job: on the calling thread (the server's worker, the CLI's main thread, both
            // with 8 MiB stacks), with no thread to start per call.
            let work = makeWork(0)
            for index in 0..<count { deliver(index, work(index)) }
            return
        }
        withoutActuallyEscaping(deliver) { deliver in
            finished = Array(repeating: nil, count: window)
            self.deliver = deliver
            running = jobs
            for worker in 0..<jobs {
                let thread = Thread { [self] in workerLoop(worker: worker) }
                thread.stackSize = 8 << 20
                thread.start()
            }
            condition.lock()
            while running > 0 { condition.wait() }
            self.deliver = nil
            condition.unlock()
        }
    }

    private func workerLoop(worker: Int) {
        // Made at the first item: a worker that starts when no item is left makes nothing.
        var work: ((Int) -> Output)?
        condition.lock()
        while true {
            while nextToClaim < count && nextToClaim - nextToDeliver >= window { condition.wait() }
            guard nextToClaim < count else { break }
            let index = nextToClaim
            nextToClaim += 1
            condition.unlock()
            if work == nil { work = makeWork(worker) }
            let output = work!(index)
            condition.lock()
            finished[index % window] = output
            if index == ready {
                while ready < nextToClaim, finished[ready % window] != nil { ready += 1 }
            }
            if !delivering && ready > nextToDeliver { deliverReady() }
        }
        running -= 1
        if running == 0 { condition.broadcast() }
        condition.unlock()
    }

    /// Delivers the results ready in order, those that come in meanwhile included; called and
    /// returns with the lock held.
    private func deliverReady() {
        delivering = true
        let deliver = self.deliver!
        while nextToDeliver < ready {
            let index = nextToDeliver
            let output = finished[index % window].take()!
            condition.unlock()
            deliver(index, output)
            condition.lock()
            // Workers wait only while the window is full: wake them only when it was.
            if nextToClaim - nextToDeliver >= window { condition.broadcast() }
            nextToDeliver += 1
        }
        delivering = false
    }
}
