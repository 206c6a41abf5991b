import Diagnostics
import Testing
import YAML

@Suite struct AliasTests {
    @Test func aliasesAreExpandedWithTheAnchoredNodesMarks() throws {
        let document = load("base: &b {x: 1, y: [1, 2]}\ncopy: *b\nname: &n An\nalso: *n\n")
        #expect(document.diagnostics.isEmpty)
        let root = try #require(document.root)
        #expect(root["copy"] == root["base"])
        #expect(root["also"]?.scalar?.text == "An")
        #expect(outline(root["copy"]) == [
            " @1:7-1:27", "x @1:14-1:15 \"1\"", "y @1:20-1:26", "y[0] @1:21-1:22 \"1\"", "y[1] @1:24-1:25 \"2\"",
        ])
    }

    /// Nine levels of nine aliases each: 9^9 nodes when expanded naively.
    static func billionLaughs() -> String {
        var text = "a: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ", ") + "]\n"
        let names = "abcdefghi".map(String.init)
        for (previous, name) in zip(names, names.dropFirst()) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        return text
    }

    @Test func billionLaughsFailsFastAtTheAliasThatCrossesTheBudget() {
        let clock = ContinuousClock()
        var document: YAMLDocument?
        let elapsed = clock.measure { document = load(Self.billionLaughs()) }
        #expect(elapsed < .seconds(1))
        #expect(document?.root == nil)
        // a=10 nodes, b=91, c=820, d=7381: the expansions reach 8289 after d, and the first *d
        // inside e crosses 10000.
        #expect(document.map(descriptions) == [
            "t.yaml:5:8: error: expanding aliases exceeds the alias expansion limit of 10000 nodes; "
                + "raise it with --max-alias-nodes [yaml.alias-budget]",
        ])
        #expect(document?.diagnostics.first?.path == "e[0]")
    }

    @Test func aRaisedBudgetLetsTheSameFileLoadFurther() {
        var limits = YAMLLimits()
        limits.maxAliasNodes = 20_000
        let document = load(Self.billionLaughs(), limits: limits)
        #expect(descriptions(document) == [
            "t.yaml:5:12: error: expanding aliases exceeds the alias expansion limit of 20000 nodes; "
                + "raise it with --max-alias-nodes [yaml.alias-budget]",
        ])
    }

    @Test func undefinedAndSelfReferencingAliases() {
        #expect(descriptions(load("a: *nope\n")) == [
            "t.yaml:1:4: error: the alias *nope refers to no anchor defined before it [yaml.undefined-alias]",
        ])
        #expect(descriptions(load("a: &x [1, *x]\n")) == [
            "t.yaml:1:11: error: the alias *x refers to no anchor defined before it [yaml.undefined-alias]",
        ])
        #expect(load("a: *nope\n").root == nil)
    }

    @Test func anAliasCannotSmuggleDepthPastTheLimit() {
        var limits = YAMLLimits()
        limits.maxDepth = 3
        #expect(load("a: &a [[1]]\nb: *a\n", limits: limits).diagnostics.isEmpty)
        #expect(descriptions(load("a: &a [[1]]\nb: [*a]\n", limits: limits)) == [
            "t.yaml:2:5: error: the nesting is deeper than the depth limit of 3 levels; "
                + "raise it with --max-depth [yaml.too-deep]",
        ])
    }
}
