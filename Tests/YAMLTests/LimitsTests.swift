import Diagnostics
import Testing
import YAML

@Suite struct LimitsTests {
    @Test func defaults() {
        let limits = YAMLLimits.default
        #expect(limits.maxFileBytes == 16_777_216)
        #expect(limits.maxDepth == 100)
        #expect(limits.maxAliasNodes == 10_000)
        #expect(limits.maxScalarBytes == 1_048_576)
        #expect(limits.maxCollectionCount == 100_000)
    }

    @Test func tenThousandDeepFlowSequenceStopsAtTheLimit() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let clock = ContinuousClock()
        var document: YAMLDocument?
        let elapsed = clock.measure { document = load(text) }
        #expect(elapsed < .seconds(1))
        #expect(document?.root == nil)
        #expect(document.map(descriptions) == [
            "t.yaml:1:101: error: the nesting is deeper than the depth limit of 100 levels; "
                + "raise it with --max-depth [yaml.too-deep]",
        ])
        #expect(document?.diagnostics.first?.path == String(repeating: "[0]", count: 100))
    }

    @Test func tenThousandDeepBlockSequenceStopsAtTheLimit() {
        let text = String(repeating: "- ", count: 10_000) + "x\n"
        let document = load(text)
        #expect(document.root == nil)
        #expect(descriptions(document) == [
            "t.yaml:1:201: error: the nesting is deeper than the depth limit of 100 levels; "
                + "raise it with --max-depth [yaml.too-deep]",
        ])
    }

    @Test func deepBlockMappingStopsAtTheLimit() {
        var text = ""
        for level in 0..<150 { text += String(repeating: " ", count: level) + "a:\n" }
        let document = load(text)
        #expect(descriptions(document) == [
            "t.yaml:101:101: error: the nesting is deeper than the depth limit of 100 levels; "
                + "raise it with --max-depth [yaml.too-deep]",
        ])
        #expect(document.diagnostics.first?.path == Array(repeating: "a", count: 100).joined(separator: "."))
    }

    @Test func exactlyTheDepthLimitLoads() {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let document = load(text)
        #expect(document.diagnostics.isEmpty)
        var deepest = 0
        document.root?.walk { path, _ in deepest = max(deepest, path.components.count) }
        #expect(deepest == 99)
    }

    @Test func fileSize() {
        var limits = YAMLLimits()
        limits.maxFileBytes = 10
        #expect(descriptions(load("a: 1234567890\n", limits: limits)) == [
            "t.yaml:1:1: error: the file is 14 bytes, more than the file size limit of 10 bytes; "
                + "raise it with --max-file-bytes [yaml.too-large]",
        ])
        #expect(load("a: 123456\n", limits: limits).diagnostics.isEmpty)
    }

    @Test func scalarSize() {
        var limits = YAMLLimits()
        limits.maxScalarBytes = 5
        let document = load("ok: abcde\nlong: abcdef\n", limits: limits)
        #expect(document.root == nil)
        #expect(descriptions(document) == [
            "t.yaml:2:7: error: this scalar is 6 bytes, more than the scalar size limit of 5 bytes; "
                + "raise it with --max-scalar-bytes [yaml.scalar-too-long]",
        ])
        #expect(document.diagnostics.first?.path == "long")
        // Bytes, not characters: "Đảng" is 4 characters and 7 bytes.
        #expect(load("x: Đảng\n", limits: limits).diagnostics.map(\.code) == ["yaml.scalar-too-long"])
    }

    @Test func collectionSize() {
        var limits = YAMLLimits()
        limits.maxCollectionCount = 3
        #expect(load("a: [1, 2, 3]\n", limits: limits).diagnostics.isEmpty)
        #expect(descriptions(load("a: [1, 2, 3, 4]\n", limits: limits)) == [
            "t.yaml:1:4: error: this list has more than 3 entries, the collection size limit; "
                + "raise it with --max-collection-count [yaml.collection-too-long]",
        ])
        let mapping = load("x: 1\ny:\n  a: 1\n  b: 2\n  c: 3\n  d: 4\n", limits: limits)
        #expect(descriptions(mapping) == [
            "t.yaml:3:3: error: this mapping has more than 3 entries, the collection size limit; "
                + "raise it with --max-collection-count [yaml.collection-too-long]",
        ])
        #expect(mapping.diagnostics.first?.path == "y")
    }

    @Test func multipleDocuments() {
        let document = load("a: 1\n---\nb: 2\n")
        #expect(document.root == nil)
        #expect(descriptions(document) == [
            "t.yaml:2:1: error: the file holds more than one YAML document; "
                + "put each document in its own file [yaml.multiple-documents]",
        ])
        #expect(descriptions(load("--- a\n--- b\n")).first?.hasPrefix("t.yaml:2:1: error: the file holds") == true)
        #expect(load("---\na: 1\n...\n").diagnostics.isEmpty)
        #expect(load("---\na: 1\n...\n").root?["a"]?.scalar?.text == "1")
    }

    @Test func emptyStreams() {
        for text in ["", "# only a comment\n# and another\n", "   \n\n", "\u{FEFF}"] {
            let document = load(text)
            #expect(document.root == nil)
            #expect(document.diagnostics.isEmpty)
            #expect(!document.hasErrors)
        }
        #expect(load(bytes: []).diagnostics.isEmpty)
    }
}
