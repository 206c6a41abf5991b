/// At most `maxRunning` evaluations at once (`--max-concurrent`); up to `maxWaiting` more wait
/// their turn, and beyond that a request is refused at once (503 with `Retry-After`), so a
/// flood cannot grow memory or latency without bound.
public actor EvaluationLimiter {
    public let maxRunning: Int
    public let maxWaiting: Int
    private var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(maxRunning: Int, maxWaiting: Int) {
        self.maxRunning = max(1, maxRunning)
        self.maxWaiting = max(0, maxWaiting)
    }

    /// Evaluations running now.
    public var busy: Int { running }

    /// Takes a slot, waiting for one when all are busy; false when the queue is full too.
    public func acquire() async -> Bool {
        if running < maxRunning {
            running += 1
            return true
        }
        guard waiters.count < maxWaiting else { return false }
        await withCheckedContinuation { waiters.append($0) }
        return true
    }

    /// Gives a slot back, to the longest waiter if any.
    public func release() {
        if waiters.isEmpty {
            running -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
