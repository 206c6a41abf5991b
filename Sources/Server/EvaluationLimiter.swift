import Synchronization

/// At most `maxRunning` evaluations at once (`--max-concurrent`); up to `maxWaiting` more wait
/// their turn, and beyond that a request is refused at once (503 with `Retry-After`), so a
/// flood cannot grow memory or latency without bound. A lock, not an actor: a free slot is
/// taken without leaving the calling thread, and a slot is given back from any thread.
public final class EvaluationLimiter: Sendable {
    public let maxRunning: Int
    public let maxWaiting: Int
    private let state = Mutex(State())

    private struct State {
        var running = 0
        var waiters: [Waiter] = []
        var nextWaiter: UInt64 = 0
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Slot, Never>
    }

    /// What a request waiting for a slot gets.
    enum Slot: Sendable {
        /// A slot, at once or after `waited` in the queue.
        case acquired(waited: Bool)
        /// Every slot busy and the queue full.
        case refused
        /// The request's deadline passed while it waited.
        case expired
    }

    public init(maxRunning: Int, maxWaiting: Int) {
        self.maxRunning = max(1, maxRunning)
        self.maxWaiting = max(0, maxWaiting)
    }

    /// Evaluations running now.
    public var busy: Int { state.withLock { $0.running } }

    /// Takes a slot, waiting for one when all are busy; false when the queue is full too.
    public func acquire() async -> Bool {
        if case .acquired = await acquire(until: nil) { return true }
        return false
    }

    /// Takes a slot, waiting for one when all are busy, but not past `deadline`.
    func acquire(until deadline: RequestDeadline?) async -> Slot {
        let taken = state.withLock { state in
            guard state.running < maxRunning else { return false }
            state.running += 1
            return true
        }
        if taken { return .acquired(waited: false) }
        return await withCheckedContinuation { (continuation: CheckedContinuation<Slot, Never>) in
            enum Queued { case now(Slot), waiting(UInt64) }
            let queued = state.withLock { state -> Queued in
                if state.running < maxRunning {
                    state.running += 1
                    return .now(.acquired(waited: false))
                }
                guard state.waiters.count < maxWaiting else { return .now(.refused) }
                state.nextWaiter += 1
                state.waiters.append(Waiter(id: state.nextWaiter, continuation: continuation))
                return .waiting(state.nextWaiter)
            }
            switch queued {
            case .now(let slot): continuation.resume(returning: slot)
            case .waiting(let id):
                deadline?.onExpiry { [self] in
                    let waiter = state.withLock { state -> Waiter? in
                        guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                        return state.waiters.remove(at: index)
                    }
                    waiter?.continuation.resume(returning: .expired)
                }
            }
        }
    }

    /// Gives a slot back, to the longest waiter if any.
    public func release() {
        let next = state.withLock { state -> Waiter? in
            if state.waiters.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.continuation.resume(returning: .acquired(waited: true))
    }
}
