import Foundation
import RuleEngine

/// The real file system for loading the shipped rules inside the benchmark.
struct BenchRuleFiles: RuleFileSystem {
    struct Unreadable: Error { var path: String }

    func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func entries(ofDirectory path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path)
    }

    func read(_ path: String) throws -> [UInt8] {
        guard let bytes = BenchFile.read(path) else { throw Unreadable(path: path) }
        return bytes
    }
}
