import Foundation
import Synchronization

/// Runs the screening — CPU-bound, synchronous, with its own worker threads — on a thread of
/// its own, so that it never blocks the event loops or Swift's cooperative pool. The threads
/// are long-lived (a new 8 MiB-stack thread per request cost more than a small check).
enum BlockingWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            WorkerThreads.shared.submit { continuation.resume(returning: work()) }
        }
    }

    /// The value of `work`, or nil when `seconds` pass first (`--request-timeout`). The answer
    /// does not wait for the work; `work` sees the deadline through `isExpired` and skips
    /// what has not started.
    /// `onExpiry` runs when the deadline passes, on a Dispatch thread, so that cancelling the
    /// work does not wait for a thread of Swift's cooperative pool.
    static func withDeadline<T: Sendable>(
        seconds: Double, onExpiry: @escaping @Sendable () -> Void = {},
        _ work: @escaping @Sendable (_ isExpired: @escaping @Sendable () -> Bool) async -> T
    ) async -> T? {
        let state = Mutex<(resumed: Bool, expired: Bool)>((false, false))
        return await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let resumeOnce: @Sendable (T?) -> Void = { value in
                let first = state.withLock { state in
                    defer { state.resumed = true }
                    if value == nil { state.expired = true }
                    return !state.resumed
                }
                if first { continuation.resume(returning: value) }
            }
            let isExpired: @Sendable () -> Bool = { state.withLock { $0.expired } }
            Task { resumeOnce(await work(isExpired)) }
            DispatchQueue.global().asyncAfter(deadline: .now() + max(0, seconds)) {
                if !state.withLock({ $0.resumed }) { onExpiry() }
                resumeOnce(nil)
            }
        }
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
