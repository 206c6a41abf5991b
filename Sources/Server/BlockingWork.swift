import Foundation
import Synchronization

/// Runs the screening — CPU-bound, synchronous, with its own worker threads — on a thread of
/// its own, so that a large or long request never blocks the event loops or Swift's
/// cooperative pool. The threads are long-lived (a new 8 MiB-stack thread per request cost
/// more than a small check).
enum BlockingWork {
    /// The value of `work`, run on a worker thread, or nil when `deadline` passes first
    /// (`--request-timeout`): the answer then does not wait for the work, which the deadline's
    /// other handlers cancel.
    static func run<T: Sendable>(until deadline: RequestDeadline, _ work: @escaping @Sendable () -> T) async -> T? {
        await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let once = ResumeOnce(continuation)
            deadline.onExpiry { once.resume(nil) }
            WorkerThreads.shared.submit { once.resume(work()) }
        }
    }
}

/// A continuation resumed by whichever of two threads comes first; the other's value is dropped.
private final class ResumeOnce<T: Sendable>: Sendable {
    private let continuation: CheckedContinuation<T, Never>
    private let resumed = Atomic(false)

    init(_ continuation: CheckedContinuation<T, Never>) { self.continuation = continuation }

    func resume(_ value: T) {
        guard !resumed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        continuation.resume(returning: value)
    }
}

/// Worker threads with 8 MiB stacks (deep but bounded rule evaluation), started on demand and
/// kept: a job waits only while every thread is busy, and the server's limiter already bounds
/// how many jobs run at once.
final class WorkerThreads: @unchecked Sendable {
    static let shared = WorkerThreads()

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var idle = 0

    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        // Jobs still queued each have an idle thread woken for them, or need a new one.
        let startThread = jobs.count > idle
        if !startThread { condition.signal() }
        condition.unlock()
        if startThread {
            let thread = Thread { [self] in loop() }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty {
                idle += 1
                condition.wait()
                idle -= 1
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
