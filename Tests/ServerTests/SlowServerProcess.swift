#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TestSupport

/// The built `appraise serve` as a process of its own, over the shipped rules and a rule that
/// is slow by design (`SlowRules/slow.yaml`), for the tests that time it. They talk to it from
/// threads of their own (`FaultTests.offPool`) and time it there: an in-process server shares
/// Swift's cooperative pool with every test running beside it, and under `swift test` on two
/// cores a request's continuation can wait minutes for a thread, whatever the server does.
final class SlowServerProcess: @unchecked Sendable {
    let port: Int
    let process: Process
    private let folder: URL

    /// Starts `appraise serve --port PORT --rules FOLDER ARGUMENTS` and waits until it answers.
    init(port: Int, arguments: [String] = []) async throws {
        let binary = try #require(appraiseExecutable())
        self.port = port
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-slow-\(UUID().uuidString)")
        process = Process()
        try FileManager.default.copyItem(at: packageRoot().appendingPathComponent("rules"), to: folder)
        try FileManager.default.copyItem(
            at: packageRoot().appendingPathComponent("Tests/ServerTests/SlowRules/slow.yaml"),
            to: folder.appendingPathComponent("slow.yaml"))
        process.executableURL = binary
        process.arguments = ["serve", "--port", String(port), "--rules", folder.path] + arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        var up = false
        for _ in 0..<300 where !up {
            up = (try? await FaultTests.healthz(port)) == 200
            if !up { try await Task.sleep(nanoseconds: 200_000_000) }
        }
        try #require(up, "the server started")
    }

    /// Blocks the calling thread until the process exits, at most `seconds`; whether it did.
    func waitForExit(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return !process.isRunning
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }
}
