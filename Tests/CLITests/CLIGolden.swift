import Foundation
import Testing
import TestSupport

/// Golden files of the end-to-end tests, kept beside the inputs they describe.
enum CLIGolden {
    /// Compares `actual` with the file at `url`, or records it (`checkGolden`).
    static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        checkGolden(actual, against: url, sourceLocation: sourceLocation)
    }

    /// A folder beside this file (`Tests/CLITests/<name>`).
    static func folder(_ name: String, _ file: StaticString = #filePath) -> URL {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent(name)
    }
}
