import Foundation
import Testing

/// Whether this run rewrites golden files (`RECORD_GOLDENS=1`). Such a run writes each file
/// and fails, so a recording run never passes silently in CI.
public var recordingGoldens: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

/// Compares `actual` with the golden file at `url`; see `recordingGoldens`.
public func checkGolden(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
    let name = url.lastPathComponent
    if recordingGoldens {
        do {
            try Data(actual.utf8).write(to: url, options: .atomic)
            Issue.record("Recorded \(name); run again without RECORD_GOLDENS", sourceLocation: sourceLocation)
        } catch {
            Issue.record("Cannot write golden \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = try? Data(contentsOf: url) else {
        Issue.record("Missing golden \(url.path); record it with RECORD_GOLDENS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == String(decoding: data, as: UTF8.self), "\(name) differs from its golden file", sourceLocation: sourceLocation)
}
