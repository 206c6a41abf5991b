import Diagnostics
import Testing
import YAML

@Suite struct TagAndMergeKeyTests {
    @Test func mergeKeysAreRejectedAndNeverBecomeFields() throws {
        let document = load("base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n")
        #expect(descriptions(document) == [
            "t.yaml:3:3: error: merge keys (<<) are not supported; write the fields out [yaml.merge-key]",
        ])
        #expect(document.diagnostics.first?.path == "c[\"<<\"]")
        #expect(document.root?["c"]?.mapping?.map { $0.key.scalar?.text } == ["y"])
    }

    @Test func aQuotedLessLessIsAnOrdinaryKey() {
        let document = load("\"<<\": 1\n")
        #expect(document.diagnostics.isEmpty)
        #expect(document.root?["<<"]?.scalar?.text == "1")
    }

    @Test func coreTagsAreKeptInShortForm() throws {
        let document = load("a: !!str 12\nb: !!int \"7\"\nc: !!float 1\nd: !!bool true\ne: !!null ~\nf: !!seq [1]\ng: !!map {}\nh: !<tag:yaml.org,2002:str> x\n")
        #expect(document.diagnostics.isEmpty)
        let root = try #require(document.root)
        #expect(root.mapping?.map { $0.value.scalar?.tag } == ["!!str", "!!int", "!!float", "!!bool", "!!null", nil, nil, "!!str"])
        #expect(root["a"]?.scalar?.resolved == .string("12"))
        #expect(root["b"]?.scalar?.resolved == .int(7))
        #expect(root["c"]?.scalar?.resolved == .double(1))
        #expect(root["d"]?.scalar?.resolved == .bool(true))
        #expect(root["e"]?.scalar?.resolved == .null)
        #expect(root["a"].map { at($0.start) } == "1:4")
    }

    @Test func otherTagsAreErrorsAtTheNode() {
        let document = load("a: !custom x\nb: !!python/object {x: 1}\nc: ! y\nd:\n  - !!int abc\n  - !!map [1]\n  - !!seq z\n")
        let allowed = "only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are allowed [yaml.tag]"
        #expect(descriptions(document) == [
            "t.yaml:1:4: error: the tag !custom is not supported; " + allowed,
            "t.yaml:2:4: error: the tag !!python/object is not supported; " + allowed,
            "t.yaml:3:4: error: the tag ! is not supported; " + allowed,
            "t.yaml:5:5: error: the value 'abc' is not a valid !!int [yaml.tag]",
            "t.yaml:6:5: error: the tag !!map cannot be used on a list [yaml.tag]",
            "t.yaml:7:5: error: the tag !!seq cannot be used on a scalar [yaml.tag]",
        ])
        #expect(document.diagnostics.map(\.path) == ["a", "b", "c", "d[0]", "d[1]", "d[2]"])
        #expect(document.root?["d"]?.sequence?[0].scalar?.resolved == .string("abc"))
    }
}
