import Diagnostics
import YAML

/// The diagnostics of `rules/schema.yaml` itself (`schema-file.*`), one constructor per
/// problem so that wording and codes stay in one place.
enum SchemaFileMessages {
    static func kind(_ node: Node, expected: String, at path: String) -> Diagnostic {
        Diagnostic(
            code: "schema-file.kind", message: "expected \(expected) for \(path), found \(node.kindName)",
            location: node.start, path: path)
    }

    static func format(_ found: String?, at node: Node) -> Diagnostic {
        let shown = found.map { "'\($0)'" } ?? "nothing"
        return Diagnostic(
            code: "schema-file.format", message: "format must be schema/1, found \(shown)",
            location: node.start, path: "format")
    }

    static func missing(_ key: String, in node: Node, at path: String) -> Diagnostic {
        Diagnostic(
            code: "schema-file.missing", message: "missing '\(key)' in \(path.isEmpty ? "the schema" : path)",
            location: node.start, path: path.isEmpty ? key : path + "." + key)
    }

    static func unknownKey(_ key: String, at node: Node, path: String, expected: [String]) -> Diagnostic {
        Diagnostic(
            code: "schema-file.unknown-key",
            message: "unknown key '\(key)' in \(path)" + Suggestion.hint(for: key, in: expected),
            location: node.start, path: path + "." + key)
    }

    static func unknownType(_ name: String, at node: Node, path: String) -> Diagnostic {
        let candidates = FieldTypeName.allCases.map(\.rawValue)
        return Diagnostic(
            code: "schema-file.type",
            message: "unknown type '\(name)' for \(path); expected one of "
                + candidates.joined(separator: ", ") + Suggestion.hint(for: name, in: candidates),
            location: node.start, path: path)
    }

    static func unknownRecord(_ name: String, at node: Node, path: String, records: [String]) -> Diagnostic {
        Diagnostic(
            code: "schema-file.unknown-record",
            message: "no record named '\(name)' (used by \(path))" + Suggestion.hint(for: name, in: records),
            location: node.start, path: path)
    }

    static func invalid(_ what: String, at node: Node, path: String) -> Diagnostic {
        Diagnostic(code: "schema-file.invalid", message: "\(what) for \(path)", location: node.start, path: path)
    }

    static func cycle(_ records: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "schema-file.cycle",
            message: "records contain themselves: " + records.joined(separator: " -> "),
            location: location, path: "records." + (records.first ?? ""))
    }
}

/// The type names `schema.yaml` accepts besides record names.
enum FieldTypeName: String, CaseIterable {
    case string, int, bool, date, money, share, `enum`, list, object
}
