import Foundation
import Testing
import TestSupport

/// No data lost (issue 8): `screen` killed with SIGKILL mid-run leaves an earlier report at
/// its `--output` path byte for byte and never a partial one; inputs are never modified.
@Suite(.serialized) struct AtomicOutputTests {
    static let earlier = Array("{\"earlier\": \"report\"}\n".utf8)

    /// A folder of generated dossiers, big enough that a debug `screen` takes seconds.
    static func generatedFolder(in folder: URL, count: Int) throws -> URL {
        let out = folder.appendingPathComponent("dossiers")
        let run = try runAppraise(
            ["generate", "--count", "\(count)", "--out", out.path], timeout: 300, executable: "appraise-bench")
        try #require(run.code == 0, "appraise-bench generate failed: \(run.stderr)")
        return out
    }

    /// Starts `appraise ARGS`, kills it with SIGKILL after `after` seconds, and says whether
    /// it was still running then (false: it finished first, and the test proves nothing).
    static func killMidRun(_ arguments: [String], cwd: URL, after: Double) throws -> Bool {
        let binary = try #require(appraiseExecutable(), "run `swift build` before `swift test`")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = cwd
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: after)
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return wasRunning && process.terminationReason == .uncaughtSignal
    }

    static func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test(arguments: ["json", "jsonl"])
    func sigkillLeavesTheEarlierReportIntact(format: String) throws {
        let folder = try Hostile.scratch("kill\(format)")
        defer { Hostile.remove(folder) }
        let dossiers = try Self.generatedFolder(in: folder, count: 3000)
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let report = try Hostile.write(Self.earlier, "report.\(format)", in: reports)

        let killed = try Self.killMidRun(
            ["screen", "--as-of", "2025-09-20", "--jobs", "2", "--output", "\(format)=\(report.path)", dossiers.path],
            cwd: folder, after: 2)
        try #require(killed, "screen finished within 2 s: generate more dossiers so the kill lands mid-run")
        #expect(Array(try Data(contentsOf: report)) == Self.earlier)
        // Only the earlier report and, when streaming, the killed run's own temporary remain.
        for name in try Self.names(in: reports) where name != "report.\(format)" {
            #expect(name.hasPrefix(".report.\(format).tmp-"), "unexpected file \(name)")
        }

        // The next run removes the killed run's temporary and replaces the report whole.
        let small = folder.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        try Hostile.write(Array(try Hostile.validDossier().utf8), "a.yaml", in: small)
        let next = try runAppraise(
            ["screen", "--as-of", "2025-09-20", "--output", "\(format)=\(report.path)", small.path], cwd: folder)
        #expect(next.code == 1, "\(next.stderr)")
        #expect(try Self.names(in: reports) == ["report.\(format)"])
        let text = try String(contentsOf: report, encoding: .utf8)
        #expect(text.contains("\"summary\""))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func inputsAreNeverModified() throws {
        let folder = try Hostile.scratch()
        defer { Hostile.remove(folder) }
        let candidates = packageRoot().appendingPathComponent("candidates")
        let copy = folder.appendingPathComponent("candidates")
        try FileManager.default.copyItem(at: candidates, to: copy)
        let before = try Self.snapshot(copy)
        let run = try runAppraise(
            ["screen", "--as-of", "2025-09-20", "--output", "json=\(folder.path)/out.json",
             "--output", "html=\(folder.path)/out.html", copy.appendingPathComponent("slate.yaml").path],
            cwd: folder)
        #expect(run.code == 1, "\(run.stderr)")
        #expect(try Self.snapshot(copy) == before)
    }

    /// Every file below `folder`: bytes, modification time and inode, by relative path.
    static func snapshot(_ folder: URL) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        let manager = FileManager.default
        let enumerator = try #require(manager.enumerator(atPath: folder.path))
        for case let path as String in enumerator {
            let url = folder.appendingPathComponent(path)
            let attributes = try manager.attributesOfItem(atPath: url.path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            result[path] = [
                try Data(contentsOf: url).base64EncodedString(),
                "\(attributes[.modificationDate] ?? "")", "\(attributes[.systemFileNumber] ?? "")",
            ]
        }
        return result
    }
}
