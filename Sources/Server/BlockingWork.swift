import Foundation
import Synchronization

/// Runs the screening — CPU-bound, synchronous, with its own worker threads — on a thread of
/// its own, so that it never blocks the event loops or Swift's cooperative pool.
enum BlockingWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.stackSize = 8 << 20
            thread.start()
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
