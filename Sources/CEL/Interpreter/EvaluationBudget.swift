/// How much one evaluation may cost, in the spirit of cel-go's `CostLimit`: a rule on a
/// dossier must end in bounded time and memory whatever its expressions, so that one
/// expensive rule cannot hang or abort a whole screening. Library callers (the command line,
/// a server per request) pass their own; `default` is far above every shipped rule
/// (`docs/reliability.md` gives the margin measured).
public struct EvaluationLimits: Sendable, Hashable {
    /// Steps: one per comprehension iteration, per `for_each` combination and per call, plus
    /// one per element of each list or map argument and per 64 bytes of each string argument.
    public var maxSteps: Int
    /// Bytes of the strings, lists (16 bytes an element) and maps (32 bytes an entry) that
    /// calls, literals and comprehensions build, summed over the evaluation.
    public var maxBytes: Int
    /// When set and cancelled, the evaluation stops with `eval.cancelled` at its next
    /// 1,024-step boundary: the server's `--request-timeout` (nil for the command line).
    public var cancellation: CancellationFlag?

    public init(maxSteps: Int, maxBytes: Int, cancellation: CancellationFlag? = nil) {
        self.maxSteps = maxSteps
        self.maxBytes = maxBytes
        self.cancellation = cancellation
    }

    /// 10^6 steps and 4 MiB: the shipped rules need at most 200 steps and 3 KB on any
    /// shipped or generated dossier (`docs/reliability.md`), a margin of 5,000 and 1,000.
    public static let `default` = EvaluationLimits(maxSteps: 1_000_000, maxBytes: 4 << 20)

    /// Bytes a slate rule may build per candidate, on top of `maxBytes`.
    public static let slateBytesPerCandidate = 1_024

    /// The limits of a slate rule over `candidates` dossiers, whose work grows with the slate:
    /// the steps once per candidate, the bytes `maxBytes` plus 1 KiB per candidate (memory
    /// stays near the slate's own size). Saturating.
    public func forSlate(of candidates: Int) -> EvaluationLimits {
        let factor = max(1, candidates)
        let steps = maxSteps.multipliedReportingOverflow(by: factor)
        let extra = Self.slateBytesPerCandidate.multipliedReportingOverflow(by: factor)
        let bytes = maxBytes.addingReportingOverflow(extra.partialValue)
        return EvaluationLimits(
            maxSteps: steps.overflow ? .max : steps.partialValue,
            maxBytes: extra.overflow || bytes.overflow ? .max : bytes.partialValue, cancellation: cancellation)
    }
}

/// What an evaluation has spent of its `EvaluationLimits`, carried through every program a
/// rule evaluates on one dossier. Once a limit is passed the budget stays exceeded: every
/// later step fails at once, so loops unwind without further work, and `Program.evaluate`
/// gives the cost error even where `||` or `exists` would have absorbed it.
public struct EvaluationBudget: Sendable {
    public let limits: EvaluationLimits
    public private(set) var steps = 0
    public private(set) var bytes = 0
    /// The error of the first limit passed, located at the node that passed it.
    public private(set) var exceeded: EvalError?

    public init(limits: EvaluationLimits = .default) {
        self.limits = limits
    }

    /// Spends `count` steps; false (and `exceeded` set) when over the limit, or when the
    /// evaluation was cancelled (checked each time the steps pass a multiple of 1,024).
    @inline(__always)
    public mutating func spend(steps count: Int, at id: Int?) -> Bool {
        guard exceeded == nil else { return false }
        let before = steps
        steps &+= count
        if steps > limits.maxSteps {
            exceeded = EvalError(
                .evalCostLimit, "cost limit: more than \(limits.maxSteps) evaluation steps; raise it with --max-eval-steps", exprID: id)
            return false
        }
        if before >> 10 != steps >> 10, let cancellation = limits.cancellation, cancellation.isCancelled {
            exceeded = EvalError(.evalCancelled, "cancelled: the request's time ran out (--request-timeout)", exprID: id)
            return false
        }
        return true
    }

    /// Spends `count` bytes of values built; false (and `exceeded` set) when over the limit.
    @inline(__always)
    public mutating func spend(bytes count: Int, at id: Int?) -> Bool {
        guard exceeded == nil else { return false }
        bytes &+= count
        if bytes > limits.maxBytes {
            exceeded = EvalError(
                .evalCostLimit, "cost limit: the values built exceed \(limits.maxBytes) bytes; raise it with --max-eval-bytes",
                exprID: id)
            return false
        }
        return true
    }
}

extension Value {
    /// The steps a call spends on this argument: its elements, or its bytes / 64.
    @inline(__always)
    var costWeight: Int {
        switch self {
        case .list(let list): list.count
        case .map(let map): map.keys.count
        case .string(let string): string.utf8.count >> 6
        default: 0
        }
    }

    /// The bytes this value holds, when a call or literal built it.
    @inline(__always)
    var builtBytes: Int {
        switch self {
        case .list(let list): list.count &* 16
        case .map(let map): map.keys.count &* 32
        case .string(let string): string.utf8.count
        default: 0
        }
    }
}
