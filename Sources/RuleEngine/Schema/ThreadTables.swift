#if canImport(Glibc)
import Glibc
#endif
import YAML

/// What a thread keeps from one document to the next while it types documents straight from
/// libyaml's events: the paths of objects and lists (`PathTable`) and the long scalar texts
/// (`ScalarStringTable`), which recur from one dossier to the next. Per thread, so no lock;
/// given to one document at a time.
final class ThreadTables {
    let paths = PathTable()
    /// 1,024 entries: a dossier's long texts, and those that come back across dossiers.
    let texts = ScalarStringTable(slotBits: 10)
    /// Whether a document is being validated with the tables (see `forThread(root:)`).
    private let busy: UnsafeMutablePointer<Bool>

    init() {
        busy = .allocate(capacity: 1)
        busy.initialize(to: false)
    }

    deinit {
        busy.deallocate()
    }

    /// This thread's tables, ready for paths from the root record `plan` and marked in use
    /// until `release()`; nil when the platform has no thread-local storage for them or they
    /// are in use already (a document validated inside another): the document then makes its
    /// paths and texts itself, as the tree driver does.
    static func forThread(root plan: RecordPlan) -> ThreadTables? {
        #if canImport(Glibc)
        let tables: ThreadTables
        if let stored = pthread_getspecific(threadKey) {
            tables = Unmanaged<ThreadTables>.fromOpaque(stored).takeUnretainedValue()
        } else {
            tables = ThreadTables()
            guard pthread_setspecific(threadKey, Unmanaged.passRetained(tables).toOpaque()) == 0 else { return nil }
        }
        guard !tables.busy.pointee else { return nil }
        tables.paths.start(root: plan)
        tables.busy.pointee = true
        return tables
        #else
        return nil
        #endif
    }

    /// Gives the tables back to their thread after a document.
    func release() {
        busy.pointee = false
    }
}

#if canImport(Glibc)
/// The key of each thread's `ThreadTables`, released when the thread ends.
private let threadKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { tables in
        guard let tables else { return }
        Unmanaged<ThreadTables>.fromOpaque(tables).release()
    }
    precondition(status == 0, "no thread-local key for the typing tables")
    return key
}()
#endif
