import Foundation
import Synchronization

/// A request's `--request-timeout`. When it passes before `finish()`, its expiry handlers run
/// once, on the watcher thread: they cancel the request's evaluations and answer 503 at once.
/// No timer of its own: one thread (`DeadlineWatch`) checks the deadlines of the requests in
/// flight every few milliseconds, so a request costs two uncontended locks rather than a
/// Dispatch timer that woke a thread when armed and again when it fired.
final class RequestDeadline: Sendable {
    /// When it passes, in `DispatchTime` uptime nanoseconds.
    let due: UInt64
    private let state: Mutex<State>

    private struct State {
        var expired = false
        var finished = false
        var handlers: [@Sendable () -> Void] = []
    }

    /// Starts the clock: `seconds` from now, `onExpiry` runs unless `finish()` comes first.
    init(seconds: Double, onExpiry: @escaping @Sendable () -> Void) {
        let nanoseconds = max(0, min(seconds, 1e9)) * 1e9
        due = DispatchTime.now().uptimeNanoseconds &+ UInt64(nanoseconds)
        state = Mutex(State(handlers: [onExpiry]))
        DeadlineWatch.shared.watch(self)
    }

    var isExpired: Bool { state.withLock { $0.expired } }

    /// Runs `handler` at the expiry too, or now when the deadline has already passed.
    func onExpiry(_ handler: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state in
            if state.expired { return true }
            if !state.finished { state.handlers.append(handler) }
            return false
        }
        if runNow { handler() }
    }

    /// The request is over: no handler runs after this, and the watcher forgets it.
    func finish() {
        state.withLock { state in
            state.finished = true
            state.handlers = []
        }
        DeadlineWatch.shared.unwatch(self)
    }

    /// Called by the watcher once `due` has passed.
    fileprivate func expire() {
        let handlers = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.finished, !state.expired else { return [] }
            state.expired = true
            defer { state.handlers = [] }
            return state.handlers
        }
        for handler in handlers { handler() }
    }
}

/// The thread that expires `RequestDeadline`s: while requests are in flight it looks every
/// `tick` seconds (a timeout is seconds, so it fires at most a tick late); after a second with
/// none it sleeps until the next one, so an idle server does not wake it.
final class DeadlineWatch: @unchecked Sendable {
    static let shared = DeadlineWatch()
    static let tick = 0.01
    private static let idleTicksBeforeSleeping = 100

    private let condition = NSCondition()
    private var pending: [ObjectIdentifier: RequestDeadline] = [:]
    private var sleeping = false
    private var started = false

    func watch(_ deadline: RequestDeadline) {
        condition.lock()
        pending[ObjectIdentifier(deadline)] = deadline
        if !started {
            started = true
            let thread = Thread { [self] in loop() }
            thread.name = "appraise-deadline"
            thread.start()
        }
        if sleeping { condition.signal() }
        condition.unlock()
    }

    func unwatch(_ deadline: RequestDeadline) {
        condition.lock()
        pending[ObjectIdentifier(deadline)] = nil
        condition.unlock()
    }

    private func loop() {
        var idleTicks = 0
        while true {
            condition.lock()
            if pending.isEmpty && idleTicks >= Self.idleTicksBeforeSleeping {
                sleeping = true
                while pending.isEmpty { condition.wait() }
                sleeping = false
                idleTicks = 0
            }
            condition.unlock()
            Thread.sleep(forTimeInterval: Self.tick)
            let now = DispatchTime.now().uptimeNanoseconds
            condition.lock()
            idleTicks = pending.isEmpty ? idleTicks + 1 : 0
            let expired = pending.values.filter { $0.due <= now }
            for deadline in expired { pending[ObjectIdentifier(deadline)] = nil }
            condition.unlock()
            for deadline in expired { deadline.expire() }
        }
    }
}
