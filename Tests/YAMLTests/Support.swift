import Diagnostics
import Foundation
import YAML

/// Loads `text` as file `t.yaml` with the given limits.
func load(_ text: String, limits: YAMLLimits = .default) -> YAMLDocument {
    YAMLLoader.load(text: text, file: "t.yaml", limits: limits)
}

/// Loads raw bytes as file `t.yaml`.
func load(bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLDocument {
    YAMLLoader.load(bytes: bytes, file: "t.yaml", limits: limits)
}

/// The `description` of every diagnostic, for exact comparisons.
func descriptions(_ document: YAMLDocument) -> [String] {
    document.diagnostics.map(\.description)
}

/// The bytes of a file in `Fixtures/`, found from this file's path.
func fixture(_ name: String, file: StaticString = #filePath) throws -> [UInt8] {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name)
    return [UInt8](try Data(contentsOf: url))
}

/// `line:column` of a location, short for assertions.
func at(_ location: SourceLocation?) -> String {
    guard let location else { return "none" }
    return "\(location.line):\(location.column)"
}

/// Every node of the tree as `path = start-end` (scalars also show their text), in walk order.
func outline(_ node: Node?) -> [String] {
    var lines: [String] = []
    node?.walk { path, node in
        var line = "\(path) @\(at(node.start))-\(at(node.end))"
        if let scalar = node.scalar { line += " \(scalar.text.debugDescription)" }
        lines.append(line)
    }
    return lines
}
