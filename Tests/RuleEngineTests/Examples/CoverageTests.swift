import Foundation
import Reports
import RuleEngine
import Testing

/// `rules test --coverage`: the cases that ran each rule, and each condition of its lets and
/// `when` seen true and false, with the text, JSON and lcov renderings.
@Suite struct CoverageTests {
    static let rules = """
        format: rules/1
        examples_as_of: 2025-09-20
        rules:
          - id: DISC-STATE
            title: State discipline
            severity: review
            basis: B
            for_each: [d in discipline]
            let:
              state: d.system == 'state'
            when: state && d.date <= as_of
            message: "x"
            examples:
              triggers:
                - discipline: [{system: state, form: warning, date: 2025-01-10}]
              passes:
                - discipline: [{system: state, form: warning, date: 2025-10-10}]

        """

    static let partyCase = """
        format: rules-test/1
        tests:
          - name: party discipline is not state discipline
            as_of: 2025-09-20
            dossier: {discipline: [{system: party, form: reprimand, date: 2025-01-10}]}
            absent: [DISC-STATE]
        """

    func coverage(tests: [String: String] = [:]) -> CoverageReport {
        ExampleRunner(prepared: RuleHarness.prepare(Self.rules, tests: tests)).runWithCoverage().coverage
    }

    @Test func examplesAloneLeaveTheFalseSideOfTheLetUnseen() throws {
        let rule = try #require(coverage().rules.first)
        #expect(rule.cases.map(\.name) == ["DISC-STATE triggers[0]", "DISC-STATE passes[0]"])
        #expect((rule.fired, rule.passed) == (1, 1))
        #expect(rule.conditions.map { "\($0.expression) \($0.text) \($0.location.line):\($0.location.column) \($0.trueCount)/\($0.falseCount)" } == [
            "let state d.system == 'state' 10:14 2/0",
            "when state && d.date <= as_of 11:11 1/1",
            "when state 11:11 2/0",
            "when d.date <= as_of 11:20 1/1",
        ])
        #expect((rule.coveredBranches, rule.totalBranches) == (6, 8))
    }

    @Test func aTestCaseThatChecksTheRuleCoversTheRest() throws {
        let report = coverage(tests: ["party.yaml": Self.partyCase])
        let rule = try #require(report.rules.first)
        #expect(rule.cases.map(\.name).last == "party discipline is not state discipline")
        #expect((rule.fired, rule.passed) == (1, 2))
        #expect((report.coveredBranches, report.totalBranches) == (8, 8))
        #expect(report.percent == 100)
        // `&&` stops at a false `state`: the comparison ran only for the examples.
        let comparison = try #require(rule.conditions.last)
        #expect((comparison.trueCount, comparison.falseCount) == (1, 1))
    }

    @Test func textNamesEachGap() {
        let text = CoverageReporter.text(coverage())
        #expect(text.contains("DISC-STATE  2      1      1       6/8       75.0%"))
        #expect(text.contains("fx/rules.yaml:10:14  DISC-STATE  let state: `d.system == 'state'` never false\n"))
        #expect(text.hasSuffix("branch coverage: 6/8 (75.0%)\n"))
    }

    @Test func lcovMarksEachConditionLine() {
        let lcov = CoverageReporter.lcov(coverage())
        #expect(lcov == """
            TN:
            SF:fx/rules.yaml
            FN:4,DISC-STATE
            FNDA:2,DISC-STATE
            FNF:1
            FNH:1
            BRDA:10,0,0,2
            BRDA:10,0,1,0
            BRDA:11,1,0,1
            BRDA:11,1,1,1
            BRDA:11,2,0,2
            BRDA:11,2,1,0
            BRDA:11,3,0,1
            BRDA:11,3,1,1
            BRF:8
            BRH:6
            DA:10,2
            DA:11,2
            LF:2
            LH:2
            end_of_record

            """)
    }

    @Test func jsonCarriesCasesConditionsAndTotals() throws {
        let data = Data(CoverageReporter.json(coverage()).utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let total = try #require(json["total"] as? [String: Any])
        #expect(total["covered"] as? Int == 6)
        #expect(total["percent"] as? Double == 75)
        let rule = try #require((json["rules"] as? [[String: Any]])?.first)
        #expect((rule["cases"] as? [[String: Any]])?.map { $0["outcome"] as? String } == ["fired", "passed"])
        #expect((rule["conditions"] as? [[String: Any]])?.first?["false"] as? Int == 0)
    }
}
