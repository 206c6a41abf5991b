import Foundation
import Testing

/// Compares `actual` with `Golden/<name>` beside this file. With `RECORD_GOLDENS=1` it
/// writes the file and fails, so a recording run never passes silently in CI.
func assertGolden(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let url = goldenDirectory().appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
        do {
            try Data(actual.utf8).write(to: url, options: .atomic)
            Issue.record("Recorded new golden \(name); run again without RECORD_GOLDENS", sourceLocation: sourceLocation)
        } catch {
            Issue.record("Cannot write golden \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = try? Data(contentsOf: url) else {
        Issue.record("Missing golden \(name); record it with RECORD_GOLDENS=1", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    #expect(actual == expected, "\(name) differs from its golden file", sourceLocation: sourceLocation)
}

/// `Tests/ReportsTests/Golden`, found from this file's path.
func goldenDirectory(_ file: StaticString = #filePath) -> URL {
    URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Golden")
}

/// `Tests/ReportsTests/Schemas/<name>`.
func schemaURL(_ name: String, _ file: StaticString = #filePath) -> URL {
    URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Schemas")
        .appendingPathComponent(name)
}
