import CEL
import RuleEngine
import Testing

/// Locations, let order, error findings, languages, verdicts and determinism.
@Suite struct EvaluatorTests {
    static let rules = """
        format: rules/1
        examples_as_of: 2025-09-20
        rules:
          - id: FAM-BIZ
            title: {en: Business in a sector, vi: Doanh nghiệp}
            severity: review
            basis: B
            for_each:
              - r in family
              - b in r.businesses
            let:
              sectors: "b.sectors.filter(s, s == 'land')"
              count: size(sectors)
            when: count > 0
            message:
              en: "{{ r.name }}: {{ b.name }} in {{ sectors }} ({{ vnd(1200000000) }}, {{ as_of }})"
              vi: "{{ r.name }}: {{ b.name }} in {{ sectors }} ({{ vnd(1200000000) }}, {{ as_of }})"
            examples: {triggers: [{}], passes: [{}]}
          - id: MAX-FAILS
            title: Max of nothing
            severity: note
            basis: B
            let:
              biggest: "max(discipline.map(d, d.date))"
            when: biggest > as_of
            message: m
            examples: {triggers: [{}], passes: [{}]}

        """

    static let dossier = """
        discipline: []
        family:
          - relation: sibling
            name: Trần Thị Em
            businesses:
              - {name: A Co, sectors: [trade]}
              - {name: B Co, sectors: [land, trade]}
          - relation: spouse
            name: Lê Thị Vợ
            businesses:
              - {name: C Co, sectors: [land]}
        """

    func findings(language: String) throws -> [Finding] {
        let prepared = RuleHarness.prepare(Self.rules)
        #expect(prepared.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let context = try #require(prepared.context)
        let value = try #require(RuleHarness.dossier(Self.dossier))
        let evaluator = Evaluator(ruleSet: prepared.compiled, context: context)
        return evaluator.evaluate(dossier: value, asOf: CivilDate(iso: "2025-09-20")!, language: language)
    }

    @Test func nestedForEachLocatesInnermostElementAndErrorsBecomeFindings() throws {
        let found = try findings(language: "en")
        #expect(found.map { "\($0.rule) \($0.severity) \($0.location.path) \($0.location.line):\($0.location.column)" } == [
            "MAX-FAILS error candidate 8:3",
            "FAM-BIZ review family[0].businesses[1] 7:9",
            "FAM-BIZ review family[1].businesses[0] 11:9",
        ])
        #expect(found[0].message.hasPrefix("rule failed: "))
        #expect(found[1].message == "Trần Thị Em: B Co in land (1,200,000,000 VND, 2025-09-20)")
        #expect(Verdict.of(findings: found) == .review)
    }

    @Test func vietnameseFormatsMoneyAndDates() throws {
        let found = try findings(language: "vi")
        #expect(found[1].message == "Trần Thị Em: B Co in land (1.200.000.000 ₫, 20/09/2025)")
        #expect(found[1].title == "Doanh nghiệp")
        #expect(found[0].title == "Max of nothing")
    }

    @Test func deterministic() throws {
        #expect(try findings(language: "en") == findings(language: "en"))
    }

    @Test func verdictPolicy() {
        let location = FindingLocation(file: "f", line: 1, column: 1, path: "candidate")
        func finding(_ severity: Severity) -> Finding {
            Finding(rule: "R", severity: severity, title: "", message: "", basis: "", location: location)
        }
        #expect(VerdictPolicy.verdict(valid: true, findings: [finding(.note)]) == .eligible)
        #expect(VerdictPolicy.verdict(valid: true, findings: [finding(.error), finding(.note)]) == .review)
        #expect(VerdictPolicy.verdict(valid: true, findings: [finding(.review), finding(.disqualify)]) == .ineligible)
        #expect(VerdictPolicy.verdict(valid: false, findings: []) == .invalid)
    }
}
