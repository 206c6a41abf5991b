import Diagnostics
import Testing
import YAML

/// A node keeps its file once and its marks packed; `start` and `end` read and write them as
/// locations, as callers always did.
@Suite struct NodeStorageTests {
    @Test func locationsRoundTripThroughTheNode() {
        let start = SourceLocation(file: "dossiers/a-long-folder-name/candidate.yaml", line: 12, column: 7)
        let end = SourceLocation(file: start.file, line: 14, column: 1)
        var node = Node(kind: .scalar(.init(text: "x")), start: start, end: end)
        #expect(node.start == start)
        #expect(node.end == end)
        #expect(node.file == start.file)
        node.start = SourceLocation(file: "other.yaml", line: 3, column: 2)
        #expect(node.start.description == "other.yaml:3:2")
        #expect(node.end.description == "other.yaml:14:1")
        node.end = SourceLocation(file: "other.yaml", line: 5, column: 9)
        #expect(node.end.description == "other.yaml:5:9")
    }

    @Test func loadedNodesCarryTheFileName() {
        let root = YAMLLoader.load(text: "a:\n  - b: 1\n", file: "some/dir/file.yaml").root
        let item = root?["a"]?.sequence?.first
        #expect(item?.file == "some/dir/file.yaml")
        #expect(item?.start.description == "some/dir/file.yaml:2:5")
        #expect(item?["b"]?.end.description == "some/dir/file.yaml:2:9")
        #expect(item?["b"]?.hasScalarText("1") == true)
        #expect(item?["b"]?.scalarText == "1")
        #expect(item?.scalarText == nil)
    }

    @Test func largeMappingsStillFindDuplicatesAtTheFirstKey() {
        let keys = (0..<12).map { "k\($0): \($0)" }.joined(separator: "\n")
        let document = load(keys + "\nk3: again\nk11: again\n")
        #expect(descriptions(document) == [
            "t.yaml:13:1: error: duplicate key 'k3' in this mapping [yaml.duplicate-key]",
            "t.yaml:14:1: error: duplicate key 'k11' in this mapping [yaml.duplicate-key]",
        ])
        #expect(document.diagnostics.map { $0.notes.map { $0.location?.description ?? "none" } } == [["t.yaml:4:1"], ["t.yaml:12:1"]])
        #expect(document.root?["k3"]?.scalarText == "3")
    }
}
