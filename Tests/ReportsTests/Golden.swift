import Foundation
import Testing
import TestSupport

/// Compares `actual` with `Golden/<name>` beside this file, or records it (`checkGolden`).
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    checkGolden(actual, against: goldenDirectory().appendingPathComponent(name), sourceLocation: sourceLocation)
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
