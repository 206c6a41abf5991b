import CEL
import Diagnostics
import RuleEngine
import Testing
import YAML

@Suite struct ValidationTests {
    let schema = SchemaFixture.schema

    @Test func validDossierHasNoDiagnostics() {
        let validated = SchemaFixture.validate(SchemaFixture.base)
        #expect(validated.diagnostics.isEmpty)
        #expect(validated.value != nil)
    }

    @Test func allFourProblemsInOneRun() {
        let text = SchemaFixture.base + """
            discipline:
              - system: party
                form: warnng
                date: 2023-02-30
                dat: 2023-01-01
            complaints: []
            complaints: []
            """
        let validated = SchemaFixture.validate(text)
        #expect(validated.value == nil)
        #expect(SchemaFixture.lines(validated.diagnostics) == [
            "d.yaml:8:11: error: unknown value 'warnng' for discipline[0].form; expected one of reprimand, warning, "
                + "salary_reduction, demotion, removal, dismissal, expulsion; did you mean 'warning'? [schema.enum] @discipline[0].form",
            "d.yaml:9:11: error: invalid date '2023-02-30' for discipline[0].date; expected an existing date as YYYY-MM-DD [schema.date] @discipline[0].date",
            "d.yaml:10:5: warning: unknown field 'dat' in discipline; did you mean 'date'? [schema.unknown-field] @discipline[0].dat",
            "d.yaml:12:1: error: duplicate key 'complaints' in this mapping [yaml.duplicate-key] @complaints",
        ])
    }

    @Test func stringFieldsTakeTheScalarText() throws {
        let text = """
            format: dossier/1
            candidate: {id: 0042, name: no, birth_date: 1975-03-02}
            """
        let value = try #require(SchemaFixture.validate(text).value)
        let candidate = try #require(value.field("candidate").flatMap { if case .object(let o) = $0 { o } else { nil } })
        #expect(string(candidate.field("id")) == "0042")
        #expect(string(candidate.field("name")) == "no")
    }

    @Test func quotedDateIsADate() throws {
        let text = "format: dossier/1\ncandidate: {id: a, name: b, birth_date: '1975-03-02'}\n"
        let validated = SchemaFixture.validate(text)
        let candidate = try #require(object(validated.value?.field("candidate")))
        guard case .date(let date)? = candidate.field("birth_date") else { Issue.record("not a date"); return }
        #expect(date == CivilDate(year: 1975, month: 3, day: 2))
    }

    @Test func defaultsAndPresence() throws {
        let text = SchemaFixture.base + """
            discipline:
              - {system: state, form: warning, date: 2024-09-20, authority: ~}
            """
        let value = try #require(SchemaFixture.validate(text).value)
        let discipline = try #require(list(value.field("discipline"))?.elements.first.flatMap(object))
        let revoked = try #require(discipline.type.slot(of: "revoked"))
        let authority = try #require(discipline.type.slot(of: "authority"))
        #expect(!discipline.present[revoked])
        guard case .bool(false) = discipline.fields[revoked] else { Issue.record("revoked default"); return }
        #expect(!discipline.present[authority])
        guard case .null = discipline.fields[authority] else { Issue.record("authority null"); return }
        // Missing lists are empty lists without an origin.
        let complaints = try #require(value.type.slot(of: "complaints"))
        #expect(!value.present[complaints])
        guard case .list(let empty) = value.fields[complaints] else { Issue.record("complaints"); return }
        #expect(empty.elements.isEmpty && empty.origin == nil)
        // Origins: objects and lists carry their path and both marks; scalar fields are joined
        // on demand. The ends are libyaml's end marks (exclusive): the flow mapping's `}`, the date's last digit.
        #expect(discipline.origin == ValueOrigin(
            location: SourceLocation(file: "d.yaml", line: 7, column: 5), path: "discipline[0]",
            end: SourceLocation(file: "d.yaml", line: 7, column: 67)))
        let date = try #require(discipline.type.slot(of: "date"))
        #expect(discipline.origin(ofField: date) == ValueOrigin(
            location: SourceLocation(file: "d.yaml", line: 7, column: 42), path: "discipline[0].date",
            end: SourceLocation(file: "d.yaml", line: 7, column: 52)))
        #expect(list(value.field("discipline"))?.origin?.path == "discipline")
    }

    @Test func moneyAcceptsUnderscoresAndSignedIncrease() throws {
        let text = SchemaFixture.base + """
            declarations:
              - {year: 2024, total_income: 4_500_000_000, increase: -1_000}
            """
        let value = try #require(SchemaFixture.validate(text).value)
        let declaration = try #require(list(value.field("declarations"))?.elements.first.flatMap(object))
        guard case .int(4_500_000_000)? = declaration.field("total_income"), case .int(-1000)? = declaration.field("increase")
        else { Issue.record("amounts"); return }
    }

    @Test func badScalarsEachReported() {
        let text = SchemaFixture.base + """
            declarations:
              - {year: twenty, total_income: -5, increase: 1.5, submitted: 0000-00-00}
              - {year: 2024, total_income: .nan, increase: .inf}
            family:
              - relation: spouse
                name: Trần Thị B
                businesses:
                  - {stake: 1.5, name: X}
                  - {stake: '0.25', contracts: {value: 1}}
            """
        let lines = SchemaFixture.lines(SchemaFixture.validate(text).diagnostics)
        #expect(lines == [
            "d.yaml:7:12: error: expected an integer for declarations[0].year, found 'twenty' [schema.type] @declarations[0].year",
            "d.yaml:7:34: error: invalid amount '-5' for declarations[0].total_income; expected whole đồng as an integer ≥ 0 [schema.money] @declarations[0].total_income",
            "d.yaml:7:48: error: invalid amount '1.5' for declarations[0].increase; expected whole đồng as an integer [schema.money] @declarations[0].increase",
            "d.yaml:7:64: error: invalid date '0000-00-00' for declarations[0].submitted; expected an existing date as YYYY-MM-DD [schema.date] @declarations[0].submitted",
            "d.yaml:8:32: error: invalid amount '.nan' for declarations[1].total_income; expected whole đồng as an integer ≥ 0 [schema.money] @declarations[1].total_income",
            "d.yaml:8:48: error: invalid amount '.inf' for declarations[1].increase; expected whole đồng as an integer [schema.money] @declarations[1].increase",
            "d.yaml:13:17: error: invalid share '1.5' for family[0].businesses[0].stake; expected a number from 0 to 1 [schema.share] @family[0].businesses[0].stake",
            "d.yaml:14:36: error: expected a list for family[0].businesses[1].contracts, found a mapping [schema.kind] @family[0].businesses[1].contracts",
        ])
    }

    @Test func requiredMissingOrNull() {
        let text = """
            format: dossier/1
            candidate:
              id: ~
              birth_date: 1975-03-02
            verifications:
              - {date: 2024-01-01}
            """
        let lines = SchemaFixture.lines(SchemaFixture.validate(text).diagnostics)
        #expect(lines == [
            "d.yaml:3:3: error: missing required field candidate.name [schema.required] @candidate.name",
            "d.yaml:3:7: error: required field candidate.id is null [schema.required] @candidate.id",
            "d.yaml:6:5: error: missing required field verifications[0].conclusion [schema.required] @verifications[0].conclusion",
        ])
    }

    @Test func wrongNodeKinds() {
        let text = """
            format: dossier/1
            candidate: [a, b]
            declarations: {year: 2024}
            complaints:
              - {received: 2024-01-01, kind: complaint, status: pending, subjects: [assets, money], named: yes}
            """
        let lines = SchemaFixture.lines(SchemaFixture.validate(text).diagnostics)
        #expect(lines == [
            "d.yaml:2:12: error: expected a mapping for candidate, found a list [schema.kind] @candidate",
            "d.yaml:3:15: error: expected a list for declarations, found a mapping [schema.kind] @declarations",
            "d.yaml:5:81: error: unknown value 'money' for complaints[0].subjects[1]; expected one of assets, family, conduct, discipline, other [schema.enum] @complaints[0].subjects[1]",
            "d.yaml:5:96: error: expected true or false for complaints[0].named, found 'yes' [schema.type] @complaints[0].named",
        ])
    }

    @Test func formatMustMatch() {
        let wrong = SchemaFixture.validate("format: dossier/2\ncandidate: 1\n")
        #expect(SchemaFixture.lines(wrong.diagnostics) == [
            "d.yaml:1:9: error: format must be dossier/1, found 'dossier/2' [schema.format] @format"
        ])
        let missing = SchemaFixture.validate("candidate: {id: a, name: b, birth_date: 1975-03-02}\n")
        #expect(SchemaFixture.lines(missing.diagnostics) == [
            "d.yaml:1:1: error: format must be dossier/1; it is missing [schema.format] @format"
        ])
        let empty = SchemaFixture.validate("")
        #expect(SchemaFixture.lines(empty.diagnostics) == [
            "d.yaml:1:1: error: the file holds no document; expected a dossier/1 document [schema.kind] @"
        ])
    }

    @Test func strictMakesUnknownFieldsErrors() {
        let text = SchemaFixture.base + "extra: 1\n"
        let lenient = SchemaFixture.validate(text)
        #expect(lenient.value != nil)
        #expect(lenient.diagnostics.map(\.severity) == [.warning])
        let strict = SchemaFixture.validate(text, strict: true)
        #expect(strict.value == nil)
        #expect(SchemaFixture.lines(strict.diagnostics) == [
            "d.yaml:6:1: error: unknown field 'extra' in dossier [schema.unknown-field] @extra"
        ])
    }

    private func string(_ value: Value?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }
}

func object(_ value: Value?) -> ObjectValue? {
    if case .object(let object)? = value { return object }
    return nil
}

func list(_ value: Value?) -> ListValue? {
    if case .list(let list)? = value { return list }
    return nil
}
