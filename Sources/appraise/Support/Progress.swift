#if canImport(Glibc)
import Glibc
import Screening
#endif

/// A progress bar on standard error — count, rate and time left — drawn only when standard
/// error is a terminal, so that logs and pipes stay clean.
final class Progress {
    private let total: Int
    private let enabled: Bool
    private let started: Double
    private var lastDrawn = 0.0
    private var done = 0

    init(total: Int, enabled: Bool = Terminal.standardErrorIsTerminal) {
        self.total = total
        self.enabled = enabled && total > 1
        self.started = Progress.now()
    }

    /// One more item is done; redraws at most ten times a second.
    func advance() {
        done += 1
        guard enabled else { return }
        let now = Progress.now()
        guard now - lastDrawn >= 0.1 || done == total else { return }
        lastDrawn = now
        Terminal.printErrorRaw("\r" + Progress.line(done: done, total: total, elapsed: now - started) + "\u{1B}[K")
    }

    /// Clears the bar.
    func finish() {
        guard enabled else { return }
        Terminal.printErrorRaw("\r\u{1B}[K")
    }

    /// `[#####.....]  1200/20000  850/s  0:22 left`.
    static func line(done: Int, total: Int, elapsed: Double) -> String {
        let width = 30
        let filled = total > 0 ? done * width / total : width
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let seconds = left % 60 < 10 ? "0\(left % 60)" : "\(left % 60)"
        return "[\(bar)] \(done)/\(total)  \(Int(rate))/s  \(left / 60):\(seconds) left"
    }

    private static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
