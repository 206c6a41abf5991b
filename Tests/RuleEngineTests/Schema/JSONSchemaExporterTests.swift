import Foundation
import RuleEngine
import Testing
import TestSupport
import YAML

/// The JSON Schema and the text reference derived from the shipped `rules/schema.yaml`.
@Suite struct JSONSchemaExporterTests {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let schema: Schema? = {
        let url = root.appendingPathComponent("rules/schema.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8),
            let node = YAMLLoader.load(text: text, file: "rules/schema.yaml").root
        else { return nil }
        return Schema.load(node, file: "rules/schema.yaml").0
    }()

    /// A YAML file as a YAML 1.2 reader (an editor's language server) sees it, as JSON text:
    /// plain scalars typed by the core schema, so `0042` is a number and dates are strings.
    static func editorJSON(_ path: String) throws -> String {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let node = try #require(YAMLLoader.load(text: text, file: path).root)
        let data = try JSONSerialization.data(withJSONObject: plain(node), options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    static func plain(_ node: Node) -> Any {
        if let scalar = node.scalar {
            switch scalar.resolved {
            case .null: return NSNull()
            case .bool(let flag): return flag
            case .int(let number): return number
            case .double(let number): return number
            case .string(let text): return text
            }
        }
        if let items = node.sequence { return items.map(plain) }
        var object: [String: Any] = [:]
        for pair in node.mapping ?? [] where object[pair.key.scalar?.text ?? ""] == nil {
            object[pair.key.scalar?.text ?? ""] = plain(pair.value)
        }
        return object
    }

    func property(_ json: OrderedJSON, _ record: String, _ field: String) -> String? {
        json["$defs"]?[record]?["properties"]?[field]?.rendered(indent: nil)
    }

    @Test func propertiesFollowTheFieldTypes() throws {
        let json = JSONSchemaExporter.export(try #require(Self.schema))
        #expect(json["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        #expect(json["$ref"] == .string("#/$defs/dossier"))
        #expect(property(json, "candidate", "birth_date") == ##"{"description": "Date of birth.", "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "format": "date"}"##)
        #expect(property(json, "candidate", "gender") == ##"{"description": "Gender; the age cut-offs depend on it.", "enum": ["male", "female", null]}"##)
        #expect(property(json, "candidate", "id") == ##"{"description": "Identifier of the dossier; unique within a slate.", "type": ["string", "number", "boolean"]}"##)
        #expect(property(json, "declaration", "year") == ##"{"description": "Year the declaration covers.", "type": "integer"}"##)
        #expect(property(json, "declaration", "total_income") == ##"{"description": "Total income over the period, in đồng.", "anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": "^\\+?[0-9]+(_[0-9]+)*$"}, {"type": "null"}]}"##)
        #expect(property(json, "declaration", "increase")?.contains(#"[{"type": "integer"}, {"type": "string", "pattern": "^[-+]?[0-9]+(_[0-9]+)*$"}"#) == true)
        #expect(property(json, "business", "stake") == ##"{"description": "Share of the capital held, 0 to 1.", "type": ["number", "null"], "minimum": 0, "maximum": 1}"##)
        #expect(property(json, "discipline", "revoked") == ##"{"description": "True when the decision was annulled on appeal.", "type": ["boolean", "null"], "default": false}"##)
        #expect(property(json, "complaint", "subjects") == ##"{"description": "What it is about.", "type": ["array", "null"], "items": {"enum": ["assets", "family", "conduct", "discipline", "other"]}, "default": []}"##)
        #expect(property(json, "dossier", "format") == ##"{"description": "Format and version of the file.", "const": "dossier/1"}"##)
        #expect(property(json, "dossier", "candidate") == ##"{"description": "The person proposed for the committee.", "$ref": "#/$defs/candidate"}"##)
        #expect(property(json, "candidate", "nomination") == ##"{"description": "What the candidate is proposed for.", "anyOf": [{"$ref": "#/$defs/nomination"}, {"type": "null"}]}"##)
        #expect(json["$defs"]?["dossier"]?["required"] == .array([.string("format"), .string("candidate")]))
        #expect(json["$defs"]?["dossier"]?["additionalProperties"] == nil)
    }

    @Test func strictForbidsUnknownFields() throws {
        let json = JSONSchemaExporter.export(try #require(Self.schema), strict: true)
        #expect(json["$defs"]?["candidate"]?["additionalProperties"] == .bool(false))
    }

    @Test func slateSchemaHoldsOnlySlateRecords() throws {
        let json = JSONSchemaExporter.export(try #require(Self.schema), document: .slate)
        #expect(json["$ref"] == .string("#/$defs/slate_file"))
        guard case .object(let definitions)? = json["$defs"] else { Issue.record("no $defs"); return }
        #expect(definitions.map(\.key) == ["slate_file", "slate", "targets", "young_target"])
    }

    @Test func shippedCandidatesValidateAndTheInvalidOneFails() throws {
        let schema = try #require(Self.schema)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("candidates").path)
            .filter { $0.hasSuffix(".yaml") && $0 != "slate.yaml" && $0 != "decisions.yaml" }.sorted()
        #expect(files.count == 19)
        var documents: [String: String] = [:]
        for file in files { documents[file] = try Self.editorJSON("candidates/" + file) }
        documents["invalid"] = try Self.editorJSON("candidates/invalid/nguyen-thi-loi.yaml")
        let exported = JSONSchemaExporter.export(schema).rendered()
        guard let errors = try jsonSchemaErrors(schema: exported, documents: documents) else {
            Issue.record("python3 with jsonschema is missing: pip install jsonschema")
            return
        }
        for file in files { #expect(errors[file] == [], "\(file)") }
        #expect(errors["invalid"] == [
            "candidate/birth_date: '1979-02-30' is not a 'date'",
            "candidate/gender: 'nu' is not one of ['male', 'female', None]",
        ])
        let strict = JSONSchemaExporter.export(schema, strict: true).rendered()
        let strictErrors = try jsonSchemaErrors(schema: strict, documents: ["invalid": documents["invalid"] ?? ""])
        #expect(strictErrors?["invalid"]?.contains("candidate: Additional properties are not allowed ('nickname' was unexpected)") == true)
    }

    @Test func shippedSlateValidatesAgainstTheSlateSchema() throws {
        let schema = try #require(Self.schema)
        let exported = JSONSchemaExporter.export(schema, document: .slate, strict: true).rendered()
        let errors = try jsonSchemaErrors(
            schema: exported,
            documents: ["slate": try Self.editorJSON("candidates/slate.yaml"), "dossier": try Self.editorJSON("candidates/le-thi-hong.yaml")])
        guard let errors else { return }
        #expect(errors["slate"] == [])
        #expect(errors["dossier"]?.first == ": 'candidates' is a required property")
    }

    @Test func textSectionAlignsFieldsAndListsEnumValues() throws {
        let text = SchemaText.render(try #require(Self.schema), style: .text)
        #expect(text.contains("""
            nomination: The nomination to the new committee.

              committee  string            The committee, e.g. Ban Chấp hành Đảng bộ tỉnh Ninh Bình.
              term       string            The term, e.g. 2025-2030.
              level      enum              Level of the committee; age cut-offs and complaint deadlines depend on it.
                         values: central, provincial, commune, grassroots
            """))
        #expect(text.hasPrefix("dossier: One candidate's dossier (format dossier/1).\n"))
    }

    @Test func markdownTablePerRecord() throws {
        let markdown = SchemaText.render(try #require(Self.schema), document: .slate, style: .markdown)
        #expect(markdown == """
            ### slate_file

            A congress slate (format slate/1).

            | field | type | required / default | description |
            |---|---|---|---|
            | `format` | string, always `slate/1` | required | Format and version of the file. |
            | `slate` | [slate](#slate) | required | The committee being elected. |
            | `candidates` | list of string | required | Dossier paths relative to this file's folder; globs allowed. |
            | `decisions` | list of string | default `[]` | Review decision files (decisions/1) relative to this file's folder; globs allowed. |

            ### slate

            The committee being elected and its composition targets.

            | field | type | required / default | description |
            |---|---|---|---|
            | `committee` | string | required | Name of the committee. |
            | `term` | string |  | The term, e.g. 2025-2030. |
            | `level` | enum: `central`, `provincial`, `commune`, `grassroots` | required | Level of the committee. |
            | `congress_date` | date | required | Date of the congress; the default evaluation date. |
            | `seats` | int |  | Planned number of members. |
            | `targets` | [targets](#targets) |  | Composition targets, as shares of the slate. |

            ### targets

            Composition targets of a slate.

            | field | type | required / default | description |
            |---|---|---|---|
            | `women` | share |  | Target share of women. |
            | `young` | [young_target](#young_target) |  | Target share of young candidates. |
            | `ethnic_minority` | share |  | Target share of ethnic-minority candidates. |

            ### young_target

            What counts as young, and the target share.

            | field | type | required / default | description |
            |---|---|---|---|
            | `under_age` | int |  | Young means younger than this age on the evaluation date. |
            | `share` | share |  | Target share of young candidates. |

            """)
    }
}
