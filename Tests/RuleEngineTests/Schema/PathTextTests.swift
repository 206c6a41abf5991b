import Testing
import YAML
@testable import RuleEngine

/// Object and list paths are built from bytes in one step; they must read as `+` made them.
struct PathTextTests {
    @Test(arguments: [
        ("", 0), ("family", 0), ("family", 9), ("family", 10), ("family[3].businesses", 123_456),
        ("nhân_thân", 42), ("x", Int.max), ("x", -1),
    ])
    func indexed(path: String, index: Int) {
        #expect(PathTable.indexed(path, index) == path + "[" + String(index) + "]")
    }

    @Test(arguments: [
        ("", "family"), ("family[0]", "businesses"), ("a", "b"), ("discipline[12].sự_việc", "ngày"),
    ])
    func join(parent: String, key: String) {
        #expect(PathTable.join(parent, key) == (parent.isEmpty ? key : parent + "." + key))
    }
}
