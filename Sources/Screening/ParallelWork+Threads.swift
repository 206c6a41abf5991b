import Dispatch
import RuleEngine

extension ParallelWork {
    /// Up to `jobs` pieces side by side on Dispatch's worker threads (`--jobs`); serial for 1.
    public static func threads(_ jobs: Int) -> ParallelWork {
        guard jobs > 1 else { return .serial }
        return ParallelWork(width: jobs) { count, body in
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }
}
