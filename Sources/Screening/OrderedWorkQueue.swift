import Foundation

/// Runs `work(i)` for i in 0..<count on `jobs` threads and hands the results to the caller in
/// index order, so reports come out in input order whatever `--jobs` is. Workers never run
/// more than `window` items ahead of delivery, which keeps memory flat for any input count.
public final class OrderedWorkQueue<Output: Sendable>: @unchecked Sendable {
    private let count: Int
    private let jobs: Int
    private let window: Int
    private let work: @Sendable (Int) -> Output
    private let condition = NSCondition()
    private var nextToClaim = 0
    private var nextToDeliver = 0
    private var finished: [Int: Output] = [:]

    public init(count: Int, jobs: Int, window: Int? = nil, work: @escaping @Sendable (Int) -> Output) {
        self.count = count
        self.jobs = max(1, min(jobs, max(count, 1)))
        self.window = max(window ?? self.jobs * 16, self.jobs)
        self.work = work
    }

    /// Blocks until every item is delivered; `deliver` runs on the calling thread, in order.
    public func run(deliver: (Int, Output) -> Void) {
        guard count > 0 else { return }
        if jobs == 1 {
            // One job: on the calling thread (the server's worker, the CLI's main thread, both
            // with 8 MiB stacks), with no thread to start per call.
            for index in 0..<count { deliver(index, work(index)) }
            return
        }
        var threads: [Thread] = []
        for _ in 0..<jobs {
            let thread = Thread { [self] in workerLoop() }
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
        condition.lock()
        while nextToDeliver < count {
            guard let output = finished.removeValue(forKey: nextToDeliver) else {
                condition.wait()
                continue
            }
            let index = nextToDeliver
            condition.unlock()
            deliver(index, output)
            condition.lock()
            // Workers wait only while the window is full: wake them only when it was.
            if nextToClaim - nextToDeliver >= window { condition.broadcast() }
            nextToDeliver += 1
        }
        condition.unlock()
    }

    private func workerLoop() {
        while true {
            condition.lock()
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
            finished[index] = output
            // The caller waits only for the next item in order.
            if index == nextToDeliver { condition.broadcast() }
            condition.unlock()
        }
    }
}
