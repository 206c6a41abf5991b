import Foundation
import Testing

/// Golden files of the end-to-end tests, kept beside the inputs they describe.
enum CLIGolden {
    /// Whether this run rewrites goldens (`RECORD_GOLDENS=1`); such a run always fails, so a
    /// recording never passes silently in CI.
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    /// Compares `actual` with the file at `url`, or records it.
    static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        if recording {
            do {
                try Data(actual.utf8).write(to: url, options: .atomic)
                Issue.record("Recorded \(url.lastPathComponent); run again without RECORD_GOLDENS", sourceLocation: sourceLocation)
            } catch {
                Issue.record("Cannot write golden \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            Issue.record("Missing golden \(url.path); record it with RECORD_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        #expect(actual == expected, "\(url.lastPathComponent) differs from its golden file", sourceLocation: sourceLocation)
    }

    /// A folder beside this file (`Tests/CLITests/<name>`).
    static func folder(_ name: String, _ file: StaticString = #filePath) -> URL {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent(name)
    }
}
