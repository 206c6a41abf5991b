#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix

/// Makes NIO's event loops Swift's global executor, running each job as the *generic*
/// executor would. NIO's own hook
/// (`unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor`) runs a job as
/// isolated to the event loop's serial executor, so every call into or return from a
/// nonisolated async function (Hummingbird's responders, NIO's async channel) counted as a
/// change of executor: the task was suspended, queued on the same loop and resumed, about 60
/// times per request (`docs/performance.md`, "Hops that stay on the loop"). Run as generic,
/// those calls go straight through and only real waits (the next request, a full socket)
/// suspend. Jobs still go to the loop of the calling thread when there is one, else to any
/// loop of the group, so a request stays on the thread that read it.
enum EventLoopExecutor {
    /// The runtime's `swift_task_enqueueGlobal_hook`: the job, and the default enqueue.
    private typealias EnqueueGlobalHook = @convention(thin) (UnownedJob, @convention(thin) (UnownedJob) -> Void) -> Void

    /// The generic executor (no isolation), as the runtime represents it: two null words.
    private static let generic = unsafeBitCast((0, 0) as (Int, Int), to: UnownedSerialExecutor.self)

    /// Installs the hook; false when the runtime has no hook or another is installed. Call it
    /// once, from the main thread, before the first task starts.
    static func install() -> Bool {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "swift_task_enqueueGlobal_hook") else { return false }
        let slot = symbol.assumingMemoryBound(to: UnsafeRawPointer?.self)
        guard slot.pointee == nil else { return false }
        return withUnsafeTemporaryAllocation(of: EnqueueGlobalHook.self, capacity: 1) { hook -> Bool in
            hook.baseAddress!.initialize(to: { job, _ in
                // Sticky: the loop of the calling thread when it is one of the group's.
                MultiThreadedEventLoopGroup.singleton.any().execute {
                    job.runSynchronously(on: EventLoopExecutor.generic)
                }
            })
            // The hook's storage holds the thin function's address, what the runtime calls.
            slot.pointee = UnsafeRawPointer(hook.baseAddress!).load(as: UnsafeRawPointer?.self)
            return true
        }
    }
}
