import Foundation

/// What a run of the `appraise` executable printed and how it exited.
public struct AppraiseRun: Sendable {
    public var stdout: String
    public var stderr: String
    public var code: Int32
}

/// The built `appraise` executable: first the one beside the running test binary (so that
/// `swift test --sanitize=thread --scratch-path .build-tsan` runs the sanitized build, which
/// SwiftPM builds alongside the tests), else the debug or release build `swift build` leaves
/// in `.build`; nil when none was built.
public func appraiseExecutable(_ name: String = "appraise") -> URL? {
    let root = packageRoot()
    var candidates: [URL] = []
    if let testBinary = CommandLine.arguments.first, testBinary.hasSuffix(".xctest") {
        candidates.append(URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent(name))
    }
    for folder in [".build/debug", ".build/release"] {
        candidates.append(root.appendingPathComponent(folder).appendingPathComponent(name))
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
}

/// Runs `appraise ARGS` in `cwd` (default: the package root) with NO_COLOR set and standard
/// input closed, and waits at most `timeout` seconds (then kills it and reports code -9).
/// `binary` runs another copy of the executable (an installed one) instead of the built one.
public func runAppraise(
    _ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:], timeout: Double = 120,
    executable: String = "appraise", binary: URL? = nil
) throws -> AppraiseRun {
    guard let binary = binary ?? appraiseExecutable(executable) else {
        throw AppraiseNotBuilt(message: "\(executable) is not built: run `swift build` before `swift test`")
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = cwd ?? packageRoot()
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = ReadAll(out.fileHandleForReading)
    let errData = ReadAll(err.fileHandleForReading)
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(5_000) }
    if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return AppraiseRun(stdout: outData.wait(), stderr: errData.wait(), code: -9)
    }
    process.waitUntilExit()
    return AppraiseRun(stdout: outData.wait(), stderr: errData.wait(), code: process.terminationStatus)
}

/// The executable has not been built.
public struct AppraiseNotBuilt: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Reads a pipe to its end on a background thread, so a chatty child never blocks on a full pipe.
private final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
