import Synchronization

/// Set by whoever no longer wants an evaluation's result (the server, when a request passes
/// `--request-timeout`), read by `EvaluationBudget` every 1,024 steps: a rule that is slow by
/// design then stops within microseconds instead of holding a worker until it ends.
public final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}

extension CancellationFlag: Hashable {
    /// One flag is one request's: flags compare by identity.
    public static func == (lhs: CancellationFlag, rhs: CancellationFlag) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
