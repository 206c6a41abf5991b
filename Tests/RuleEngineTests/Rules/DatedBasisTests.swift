import CEL
import RuleEngine
import Testing

/// A rule's `basis` as one text or a dated list: read with the parameters' checks, chosen by
/// `as_of` with the parameters' lookup, cited by every finding.
@Suite struct DatedBasisTests {
    static let rule = """
        format: rules/1
        examples_as_of: 2025-09-20
        rules:
          - id: DISC-ANY
            title: Any discipline
            severity: review
            basis:
              - {since: 2022-08-18, text: "Quy định 80-QĐ/TW, Điều 18 khoản 7"}
              - {since: 2025-10-08, text: "Quy định 377-QĐ/TW"}
            for_each: [d in discipline]
            when: d.date <= as_of
            message: "{{ d.form }}"
            examples: {triggers: [{discipline: [{system: party, form: warning, date: 2025-01-10}]}], passes: [{}]}

        """

    func bases(on date: String) throws -> [String] {
        let prepared = RuleHarness.prepare(Self.rule)
        #expect(prepared.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let context = try #require(prepared.context)
        let value = try #require(RuleHarness.dossier("discipline: [{system: party, form: warning, date: 2025-01-10}]"))
        let evaluator = Evaluator(ruleSet: prepared.compiled, context: context)
        return evaluator.evaluate(dossier: value, asOf: CivilDate(iso: date)!, language: "en").map(\.basis)
    }

    @Test func findingCitesTheTextInForceOnAsOf() throws {
        #expect(try bases(on: "2025-09-20") == ["Quy định 80-QĐ/TW, Điều 18 khoản 7"])
        #expect(try bases(on: "2025-10-07") == ["Quy định 80-QĐ/TW, Điều 18 khoản 7"])
        #expect(try bases(on: "2025-10-08") == ["Quy định 377-QĐ/TW"])
        #expect(try bases(on: "2025-10-20") == ["Quy định 377-QĐ/TW"])
    }

    @Test func ruleKeepsEveryEntryWithItsDates() throws {
        let rule = try #require(RuleHarness.prepare(Self.rule).ruleSet.rules.first)
        #expect(rule.basis.entries.map { "\($0.since.map(String.init(describing:)) ?? "-") \($0.value)" } == [
            "2022-08-18 Quy định 80-QĐ/TW, Điều 18 khoản 7", "2025-10-08 Quy định 377-QĐ/TW",
        ])
        #expect(rule.basis.until(0)?.description == "2025-10-07")
        #expect(rule.basis.until(1) == nil)
        #expect(rule.basisText(on: CivilDate(iso: "2020-01-01")!) == "Quy định 80-QĐ/TW, Điều 18 khoản 7")
    }

    func diagnostics(basis: String) -> [String] {
        let text = """
            format: rules/1
            examples_as_of: 2025-09-20
            rules:
              - id: A-1
                title: T
                severity: note
                basis: \(basis)
                when: "false"
                message: m
                examples: {triggers: [{}], passes: [{}]}

            """
        return RuleHarness.prepare(text).diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func badListsAreLocatedErrors() {
        #expect(diagnostics(basis: "[]") == [
            "fx/rules.yaml:7:12: error: expected a non-empty list of {since, text} for basis [basis.kind]"
        ])
        #expect(diagnostics(basis: "[{since: 2025-10-08, text: B}, {since: 2022-08-18, text: A}]") == [
            "fx/rules.yaml:7:51: error: basis[1].since 2022-08-18 comes before the entry above it (2025-10-08); list the entries oldest first [basis.unsorted-since]"
        ])
        #expect(diagnostics(basis: "[{since: 2022-08-18, text: A}, {since: 2022-08-18, text: B}]") == [
            "fx/rules.yaml:7:51: error: basis has two entries since 2022-08-18 (the other at fx/rules.yaml:7:39) [basis.duplicate-since]"
        ])
        #expect(diagnostics(basis: "[{since: October 2025, text: A}]") == [
            "fx/rules.yaml:7:21: error: invalid date for basis[0].since; expected an existing date as YYYY-MM-DD [basis.date]"
        ])
        #expect(diagnostics(basis: "[{since: 2022-08-18, text: '  '}]") == [
            "fx/rules.yaml:7:39: error: basis[0].text must be the text of the basis, not blank [basis.text]"
        ])
        #expect(diagnostics(basis: "[{since: 2022-08-18}]") == [
            "fx/rules.yaml:7:13: error: expected {since, text} for basis[0] [basis.missing]"
        ])
        #expect(diagnostics(basis: "{since: 2022-08-18, text: A}").first?.hasSuffix("[rule.bad-type]") == true)
    }
}
