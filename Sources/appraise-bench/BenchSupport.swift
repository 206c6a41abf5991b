#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Reads a whole file with plain POSIX calls, as `appraise` does, so the read cost the
/// benchmark counts is the one the tool pays.
enum BenchFile {
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let got = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, size - done) }
            guard got > 0 else { return nil }
            done += got
        }
        return bytes
    }

    /// The `*.yaml` files directly in `folder`, sorted.
    static func yamlFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
    }
}

/// Runs `work(i)` for every i on `jobs` threads, each claiming the next index, and returns
/// the sum of what the calls return (a checksum that keeps the work from being optimised away).
enum Parallel {
    private final class Shared: Sendable {
        let next = Atomic<Int>(0)
        let sum = Atomic<Int>(0)
    }

    static func sum(count: Int, jobs: Int, _ work: @escaping @Sendable (Int) -> Int) -> Int {
        sum(count: count, jobs: jobs, makeWork: { _ in work })
    }

    /// `makeWork(job)` gives each job the work it runs, made on its own thread (as
    /// `OrderedWorkQueue(makeWork:)` does for `screen`).
    static func sum(count: Int, jobs: Int, makeWork: @escaping @Sendable (Int) -> (Int) -> Int) -> Int {
        let shared = Shared()
        DispatchQueue.concurrentPerform(iterations: max(1, jobs)) { job in
            let work = makeWork(job)
            var local = 0
            while true {
                let index = shared.next.add(1, ordering: .relaxed).oldValue
                guard index < count else { break }
                local &+= work(index)
            }
            shared.sum.add(local, ordering: .relaxed)
        }
        return shared.sum.load(ordering: .relaxed)
    }
}

/// Monotonic wall-clock time.
enum Clock {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Seconds `body` takes.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return now() - start
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

/// A child process run to completion: its wall time, exit status and peak resident set.
struct ChildRun {
    var seconds: Double
    var status: Int32
    /// `ru_maxrss` of the child from `wait4`, in KiB.
    var peakKiB: Int

    /// Runs `arguments[0]` with the rest as arguments, standard output and error to /dev/null.
    static func run(_ arguments: [String]) -> ChildRun? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let start = Clock.now()
        guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let seconds = Clock.now() - start
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(seconds: seconds, status: exited, peakKiB: Int(usage.ru_maxrss))
    }
}
