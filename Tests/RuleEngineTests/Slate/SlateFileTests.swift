import CEL
import Diagnostics
import RuleEngine
import Testing
import YAML

@Suite struct SlateFileTests {
    let schema = SchemaFixture.schema

    @Test func validSlateFile() throws {
        let text = """
            format: slate/1
            slate:
              committee: Ban Chấp hành Đảng bộ tỉnh Ninh Bình
              term: 2025-2030
              level: provincial
              congress_date: 2025-09-20
              seats: 53
              targets:
                women: 0.15
                young: {under_age: 42, share: 0.10}
            candidates:
              - '*.yaml'
              - extra/b.yaml
            """
        let (slate, diagnostics) = SlateFileLoader.load(bytes: Array(text.utf8), file: "c/slate.yaml", schema: schema)
        #expect(diagnostics.isEmpty)
        let file = try #require(slate)
        #expect(file.committee == "Ban Chấp hành Đảng bộ tỉnh Ninh Bình")
        #expect(file.level == "provincial")
        #expect(file.congressDate == CivilDate(year: 2025, month: 9, day: 20))
        #expect(file.candidatePatterns == [
            .init(text: "*.yaml", location: SourceLocation(file: "c/slate.yaml", line: 12, column: 5)),
            .init(text: "extra/b.yaml", location: SourceLocation(file: "c/slate.yaml", line: 13, column: 5)),
        ])
        #expect(file.value.type === schema.slateType)
        #expect(file.value.origin?.path == "slate")
        let targets = try #require(object(file.value.field("targets")))
        guard case .double(0.15)? = targets.field("women") else {
            Issue.record("women share")
            return
        }
        #expect(file.digest?.hasPrefix("sha256:") == true)
    }

    @Test func invalidSlateReportsEveryProblem() {
        let text = """
            format: slate/1
            slate:
              level: regional
              congress_date: 2025-13-01
              targets: {women: 15}
            """
        let (slate, diagnostics) = SlateFileLoader.load(YAMLLoader.load(text: text, file: "s.yaml").root, file: "s.yaml", schema: schema)
        #expect(slate == nil)
        #expect(SchemaFixture.lines(diagnostics) == [
            "s.yaml:1:1: error: missing required field candidates [schema.required] @candidates",
            "s.yaml:3:3: error: missing required field slate.committee [schema.required] @slate.committee",
            "s.yaml:3:10: error: unknown value 'regional' for slate.level; expected one of central, provincial, commune, grassroots [schema.enum] @slate.level",
            "s.yaml:4:18: error: invalid date '2025-13-01' for slate.congress_date; expected an existing date as YYYY-MM-DD [schema.date] @slate.congress_date",
            "s.yaml:5:20: error: invalid share '15' for slate.targets.women; expected a number from 0 to 1 [schema.share] @slate.targets.women",
        ])
    }

    @Test func aDossierIsNotASlate() {
        let validated = SchemaFixture.validate(SchemaFixture.base, kind: .slate)
        #expect(SchemaFixture.lines(validated.diagnostics) == [
            "d.yaml:1:9: error: format must be slate/1, found 'dossier/1' [schema.format] @format"
        ])
    }
}
