import Diagnostics
import Foundation
import RuleEngine
import YAML

/// The test schema (the dossier.md contract), loaded once for every schema test.
enum SchemaFixture {
    static let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/schema/schema.yaml")

    static let schema: Schema = {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let document = YAMLLoader.load(text: text, file: "schema.yaml")
        guard let root = document.root, case (let schema?, _) = Schema.load(root, file: "schema.yaml") else {
            preconditionFailure("the fixture schema must load")
        }
        return schema
    }()

    /// Loads a schema from text, returning its diagnostics as `description` lines.
    static func load(_ text: String) -> (Schema?, [String]) {
        let document = YAMLLoader.load(text: text, file: "s.yaml")
        guard let root = document.root else { return (nil, document.diagnostics.map(\.description)) }
        let (schema, diagnostics) = Schema.load(root, file: "s.yaml")
        return (schema, diagnostics.map(\.description))
    }

    /// Validates dossier text with the fixture schema.
    static func validate(_ text: String, kind: DocumentKind = .dossier, strict: Bool = false) -> Validated {
        let document = YAMLLoader.load(text: text, file: "d.yaml")
        var validated = schema.validate(document.root, as: kind, file: "d.yaml", options: ValidationOptions(strict: strict))
        validated.diagnostics = (document.diagnostics + validated.diagnostics).sorted()
        return validated
    }

    /// `description` and path of each diagnostic.
    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.description) @\($0.path ?? "-")" }
    }

    /// A minimal valid dossier, to which tests append lines.
    static let base = """
        format: dossier/1
        candidate:
          id: '0001'
          name: Nguyễn Văn An
          birth_date: 1975-03-02

        """
}
