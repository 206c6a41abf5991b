import Foundation

/// The package root, found from this file's path, so tests can read `rules/` and `candidates/`.
public func packageRoot(_ file: StaticString = #filePath) -> URL {
    URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
