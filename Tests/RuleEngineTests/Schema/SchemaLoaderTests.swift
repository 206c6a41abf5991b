import CEL
import Foundation
import RuleEngine
import Testing
import YAML

@Suite struct SchemaLoaderTests {
    @Test func fixtureLoadsCleanly() throws {
        let text = try String(contentsOf: SchemaFixture.url, encoding: .utf8)
        let (schema, lines) = SchemaFixture.load(text)
        #expect(lines == [])
        #expect(schema?.records.count == 16)
        #expect(schema?.records.first?.name == "dossier")
    }

    /// The shipped `rules/schema.yaml` (or `APPRAISE_SCHEMA`), when this checkout has it.
    @Test func shippedSchemaLoadsCleanly() throws {
        let root = SchemaFixture.url.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = ProcessInfo.processInfo.environment["APPRAISE_SCHEMA"] ?? root.appendingPathComponent("rules/schema.yaml").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        let (schema, lines) = SchemaFixture.load(text)
        #expect(lines == [])
        let loaded = try #require(schema)
        #expect(loaded.fieldType(ofDossierField: "candidate") == .object(try #require(loaded.objectType(named: "candidate"))))
        #expect(loaded.slateType.slot(of: "congress_date") != nil)
        // The shared example dossier validates against it.
        let dossier = SchemaFixture.base + "discipline: [{system: state, form: warning, date: 2024-09-20}]\n"
        let validated = loaded.validate(YAMLLoader.load(text: dossier, file: "d.yaml").root, as: .dossier, file: "d.yaml", options: .init())
        #expect(validated.diagnostics.isEmpty)
        #expect(validated.value != nil)
    }

    @Test func celTypesFollowTheFieldTypes() throws {
        let schema = SchemaFixture.schema
        let declaration = try #require(schema.objectType(named: "declaration"))
        let types = declaration.fields.map { "\($0.name): \($0.type)" }
        #expect(types == [
            "year: int", "kind: string", "submitted: date", "total_income: int", "increase: int",
            "increase_explanation: string", "assets: list(asset)",
        ])
        #expect(schema.fieldType(ofDossierField: "complaints") == .list(.object(try #require(schema.objectType(named: "complaint")))))
        #expect(schema.fieldType(ofDossierField: "nope") == nil)
        #expect(schema.objectType(named: "business")?.fields.first { $0.name == "stake" }?.type == .double)
        #expect(schema.slateType.name == "slate")
        #expect(schema.slateFileType.name == "slate_file")
        // Object types are shared: the candidate field's type is the candidate record's type.
        guard case .object(let candidate)? = schema.fieldType(ofDossierField: "candidate") else {
            Issue.record("candidate is an object")
            return
        }
        #expect(candidate === schema.objectType(named: "candidate"))
        let complaint = try #require(schema.record(named: "complaint"))
        #expect(complaint.fields.map { "\($0.type)" }[3] == "list of enum (assets, family, conduct, discipline, other)")
    }

    @Test func schemaFileProblemsAreAllReported() {
        let (schema, lines) = SchemaFixture.load("""
            format: schema/2
            documents: {dossier: dossier, slate: slate_file}
            records:
              dossier:
                fields:
                  format: {type: strng, doc: x}
                  when: {type: date}
                  items: {type: list, of: itme, doc: x}
                  kind: {type: enum, doc: x}
                  extra: {type: int, doc: x, colour: red, signed: true}
              slate_file:
                fields:
                  slate: {type: object, of: slate_file, doc: x}
            """)
        #expect(schema == nil)
        #expect(lines == [
            "s.yaml:1:9: error: format must be schema/1, found 'schema/2' [schema-file.format]",
            "s.yaml:6:22: error: unknown type 'strng' for dossier.format; expected one of string, int, bool, date, money, share, enum, list, object; did you mean 'string'? [schema-file.type]",
            "s.yaml:7:13: error: missing 'doc' in dossier.when [schema-file.missing]",
            "s.yaml:9:13: error: missing 'values' in dossier.kind [schema-file.missing]",
            "s.yaml:10:34: error: unknown key 'colour' in dossier.extra [schema-file.unknown-key]",
            "s.yaml:10:55: error: signed applies to money fields only for dossier.extra [schema-file.invalid]",
        ])
    }

    @Test func unknownRecordsAndCyclesAreReported() {
        let (_, unknown) = SchemaFixture.load("""
            format: schema/1
            documents: {dossier: dossier, slate: slate_file}
            records:
              dossier:
                fields:
                  items: {type: list, of: itme, doc: x}
              slate_file:
                fields:
                  slate: {type: object, of: slate_file, doc: x}
            """)
        #expect(unknown == [
            "s.yaml:6:31: error: no record named 'itme' (used by dossier.items) [schema-file.unknown-record]"
        ])
        let (_, cycle) = SchemaFixture.load("""
            format: schema/1
            documents: {dossier: dossier, slate: slate_file}
            records:
              dossier:
                fields:
                  format: {type: string, doc: x}
              slate_file:
                fields:
                  slate: {type: object, of: slate_file, doc: x}
            """)
        #expect(cycle == [
            "s.yaml:7:3: error: records contain themselves: slate_file -> slate_file [schema-file.cycle]"
        ])
    }

    @Test func defaultsMustFitTheirType() {
        let (_, lines) = SchemaFixture.load("""
            format: schema/1
            documents: {dossier: dossier, slate: slate_file}
            records:
              dossier:
                fields:
                  revoked: {type: bool, default: maybe, doc: x}
                  tags: {type: list, of: date, default: [2025-02-30], doc: x}
              slate_file:
                fields:
                  slate: {type: object, of: slate, doc: x}
              slate:
                fields:
                  seats: {type: int, default: 3, doc: x}
            """)
        #expect(lines == [
            "s.yaml:6:38: error: the default is not a valid bool for dossier.revoked [schema-file.invalid]",
            "s.yaml:7:46: error: the default is not a valid date for dossier.tags [schema-file.invalid]",
        ])
    }
}
