import Foundation
import Testing
import TestSupport

/// Helpers for the end-to-end hostile-input tests: the committed corpus, scratch folders for
/// generated files (never committed: some are tens of megabytes), and the shape of a clean error.
enum Hostile {
    /// `Tests/CLITests/Hostile`, the committed corpus.
    static let corpus = packageRoot().appendingPathComponent("Tests/CLITests/Hostile")

    /// The small valid dossier every corpus case breaks one way.
    static func validDossier() throws -> String {
        try String(contentsOf: corpus.appendingPathComponent("valid.yaml"), encoding: .utf8)
    }

    /// A fresh, empty scratch folder, removed by the caller with `remove`.
    static func scratch(_ name: String = #function) throws -> URL {
        let clean = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("appraise-hostile-\(clean)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` in `folder` and returns the path.
    @discardableResult
    static func write(_ bytes: some Sequence<UInt8>, _ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// `check --as-of 2025-09-20 ARGS` run in `cwd`.
    static func check(_ arguments: [String], cwd: URL) throws -> AppraiseRun {
        try runAppraise(["check", "--as-of", "2025-09-20"] + arguments, cwd: cwd, timeout: 300)
    }

    /// Expects the run to have rejected its input cleanly: exit 2, the exact diagnostic line
    /// in the report, nothing on standard error that looks like a crash.
    static func expectRejected(
        _ run: AppraiseRun, _ diagnostic: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(run.code == 2, "exit \(run.code); stderr: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(
            run.stdout.contains("  " + diagnostic + "\n"), "stdout was:\n\(run.stdout)", sourceLocation: sourceLocation)
        #expect(run.stdout.contains("1 invalid"), sourceLocation: sourceLocation)
        for crash in ["Fatal error", "Segmentation", "stack overflow", "Illegal instruction"] {
            #expect(!run.stderr.contains(crash), "\(run.stderr)", sourceLocation: sourceLocation)
        }
    }
}
