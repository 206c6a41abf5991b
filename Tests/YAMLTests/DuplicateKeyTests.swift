import Diagnostics
import Testing
import YAML

@Suite struct DuplicateKeyTests {
    @Test func reportsEveryDuplicateAtEveryDepthAndKeepsTheFirstValue() throws {
        let document = YAMLLoader.load(bytes: try fixture("duplicate-keys.yaml"), file: "dup.yaml")
        #expect(descriptions(document) == [
            "dup.yaml:4:3: error: duplicate key 'c' in this mapping [yaml.duplicate-key]",
            "dup.yaml:8:5: error: duplicate key 'x' in this mapping [yaml.duplicate-key]",
            "dup.yaml:10:1: error: duplicate key 'a' in this mapping [yaml.duplicate-key]",
        ])
        #expect(document.diagnostics.map { $0.notes.map { "\($0.message) @\(at($0.location))" } } == [
            ["first defined here @3:3"], ["first defined here @6:5"], ["first defined here @1:1"],
        ])
        #expect(document.diagnostics.map { $0.notes.first?.location?.file } == ["dup.yaml", "dup.yaml", "dup.yaml"])
        #expect(document.diagnostics.map(\.path) == ["b.c", "list[0].x", "a"])
        #expect(document.hasErrors)
        let root = try #require(document.root)
        #expect(root["a"]?.scalar?.text == "1")
        #expect(root["b"]?["c"]?.scalar?.text == "2")
        #expect(root["b"]?.mapping?.count == 1)
        #expect(root["list"]?.sequence?[0]["x"]?.scalar?.text == "1")
        #expect(root["list"]?.sequence?[0].mapping?.count == 2)
        #expect(root.mapping?.count == 3)
    }

    @Test func largeMappingsUseTheIndexAndStillFindDuplicates() {
        var text = ""
        for index in 0..<20 { text += "k\(index): \(index)\n" }
        text += "k3: again\nk19: again\nk0: again\n"
        let document = load(text)
        #expect(descriptions(document) == [
            "t.yaml:21:1: error: duplicate key 'k3' in this mapping [yaml.duplicate-key]",
            "t.yaml:22:1: error: duplicate key 'k19' in this mapping [yaml.duplicate-key]",
            "t.yaml:23:1: error: duplicate key 'k0' in this mapping [yaml.duplicate-key]",
        ])
        #expect(document.diagnostics.map { at($0.notes.first?.location) } == ["4:1", "20:1", "1:1"])
        #expect(document.root?["k3"]?.scalar?.text == "3")
    }

    @Test func keysCompareByTextWhateverTheirStyle() {
        let document = load("{1: a, \"1\": b, 'x': c, x: d}")
        #expect(descriptions(document) == [
            "t.yaml:1:8: error: duplicate key '1' in this mapping [yaml.duplicate-key]",
            "t.yaml:1:24: error: duplicate key 'x' in this mapping [yaml.duplicate-key]",
        ])
    }

    @Test func sameKeyInSiblingMappingsIsFine() {
        let document = load("- name: a\n- name: b\n")
        #expect(document.diagnostics.isEmpty)
    }

    @Test func aHostileFloodOfDuplicatesIsCapped() {
        let text = "{" + String(repeating: "a: 1, ", count: 500) + "}"
        let document = load(text)
        #expect(document.diagnostics.count == DiagnosticList.defaultCap)
        #expect(document.droppedDiagnostics == 399)
        #expect(document.hasErrors)
    }
}
