import Testing
import YAML

@Suite struct NodeAccessTests {
    static let text = """
        family:
          - name: An
            businesses: []
          - name: Bình
            businesses:
              - stake: 0.3
        "a key": 1
        """

    @Test func typedGettersAndKeyLookup() throws {
        let root = try #require(load(Self.text).root)
        #expect(root.kindName == "a mapping")
        #expect(root["family"]?.kindName == "a list")
        #expect(root["family"]?.sequence?[1]["name"]?.kindName == "a scalar")
        #expect(root["family"]?.sequence?[1]["name"]?.scalar?.text == "Bình")
        #expect(root["missing"] == nil)
        #expect(root["family"]?["name"] == nil)
        #expect(root.scalar == nil)
        #expect(root.sequence == nil)
        #expect(root.mapping?.count == 2)
    }

    @Test func walkVisitsEveryNodeWithItsPath() throws {
        let root = try #require(load(Self.text).root)
        var paths: [String] = []
        root.walk { path, _ in paths.append(path.description) }
        #expect(paths == [
            "", "family", "family[0]", "family[0].name", "family[0].businesses", "family[1]",
            "family[1].name", "family[1].businesses", "family[1].businesses[0]",
            "family[1].businesses[0].stake", "[\"a key\"]",
        ])
    }

    @Test func pathsAreValues() {
        let path = NodePath.root.appending(.key("family")).appending(.index(2))
            .appending(.key("businesses")).appending(.index(0)).appending(.key("stake"))
        #expect(path.description == "family[2].businesses[0].stake")
        #expect(NodePath.root.description == "")
        #expect(NodePath.root.appending(.index(3)).description == "[3]")
        #expect(NodePath.root.appending(.key("x")).appending(.key("tên")).description == "x[\"tên\"]")
        #expect(NodePath.root.appending(.key("say \"hi\"")).description == "[\"say \\\"hi\\\"\"]")
        #expect(NodePath.root.appending(.key("a")) == NodePath(components: [.key("a")]))
        #expect(Set([path, path]).count == 1)
    }
}
