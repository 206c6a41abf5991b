import Foundation
import Screening
import Testing

/// `DossierFinder.yamlFiles`: regular files are taken from their directory entries, links and
/// other entries are looked at with `stat`; either way the same files come out, sorted.
@Suite struct DossierFinderTests {
    @Test func findsFilesLinksAndFoldersAlike() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("finder-\(UUID().uuidString)").path
        let outside = root + "-outside"
        defer {
            try? manager.removeItem(atPath: root)
            try? manager.removeItem(atPath: outside)
        }
        try manager.createDirectory(atPath: outside, withIntermediateDirectories: true)
        #expect(manager.createFile(atPath: "\(outside)/e.yaml", contents: Data("x: 1\n".utf8)))
        for folder in ["sub", ".hidden", "dir.yaml"] {
            try manager.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        for file in ["a.yaml", "b.yml", "notes.txt", "sub/c.yaml", ".hidden/d.yaml", "dir.yaml/f.yaml"] {
            #expect(manager.createFile(atPath: "\(root)/\(file)", contents: Data("x: 1\n".utf8)))
        }
        try manager.createSymbolicLink(atPath: "\(root)/link.yaml", withDestinationPath: "a.yaml")
        try manager.createSymbolicLink(atPath: "\(root)/linked", withDestinationPath: outside)
        try manager.createSymbolicLink(atPath: "\(root)/dangling.yaml", withDestinationPath: "gone.yaml")
        #expect(mkfifo("\(root)/pipe.yaml", 0o600) == 0)
        let (files, problems) = DossierFinder.yamlFiles(below: root)
        #expect(Array(files) == [
            "\(root)/a.yaml", "\(root)/dir.yaml/f.yaml", "\(root)/link.yaml", "\(root)/linked/e.yaml",
            "\(root)/pipe.yaml", "\(root)/sub/c.yaml",
        ])
        #expect(problems.map(\.path) == ["\(root)/dangling.yaml"])
    }
}
