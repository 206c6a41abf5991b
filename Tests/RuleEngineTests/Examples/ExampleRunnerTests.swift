import Reports
import RuleEngine
import Testing

/// `rules test`: pass, fail and error outcomes, test files, exit codes, JUnit.
@Suite struct ExampleRunnerTests {
    static let rules = """
        format: rules/1
        examples_as_of: 2025-09-20
        rules:
          - id: DISC-ANY
            title: Any discipline
            severity: review
            basis: B
            for_each: [d in discipline]
            when: d.date <= as_of
            message: "{{ d.form }}"
            examples:
              triggers:
                - discipline: [{system: state, form: warning, date: 2025-01-10}]
                - discipline: []
              passes:
                - discipline: [{system: state, form: warning, date: 2025-10-10}]
                - {discipline: [{system: state, form: warning, date: 2025-01-10}], as_of: 2024-01-01}
                - discipline: [{system: state, form: warnin, date: 2025-01-10}]

        """

    @Test func outcomesAndSummary() {
        let report = ExampleRunner(prepared: RuleHarness.prepare(Self.rules)).run()
        #expect(report.results.map { "\($0.name) \($0.passed)" } == [
            "DISC-ANY triggers[0] true", "DISC-ANY triggers[1] false", "DISC-ANY passes[0] true",
            "DISC-ANY passes[1] true", "DISC-ANY passes[2] false",
        ])
        #expect(report.results[1].outcome == .failed("expected at least one finding of DISC-ANY, got none"))
        if case .error(let diagnostics) = report.results[4].outcome {
            #expect(diagnostics.first?.location?.description == "fx/rules.yaml:18:46")
        } else {
            Issue.record("expected an error outcome")
        }
        #expect(report.summary == "3 passed, 2 failed")
        #expect(report.renderText().hasSuffix("3 passed, 2 failed\n"))
        #expect(report.exitCode == 1)
    }

    @Test func testFilesAndCannotFail() {
        let tests = """
            format: rules-test/1
            tests:
              - name: a warning <now> & then
                as_of: 2025-09-20
                dossier: {discipline: [{system: state, form: warning, date: 2025-01-10}]}
                expect: [{rule: DISC-ANY, at: 'discipline[0]'}]
              - name: names no rule
                as_of: 2025-09-20
                dossier: {}
                absent: [NO-SUCH-RULE]
            """
        let report = ExampleRunner(prepared: RuleHarness.prepare(Self.rules, tests: ["t.yaml": tests])).run()
        let test = report.results.first { $0.kind == .test }
        #expect(test?.passed == true)
        #expect(report.problems.map(\.description)
            == ["fx/tests/t.yaml:10:14: error: no rule 'NO-SUCH-RULE' in the rule set; this test cannot fail [test.unknown-rule]"])
        #expect(report.exitCode == 2)
        let junit = report.renderJUnit()
        #expect(junit.contains("name=\"a warning &lt;now&gt; &amp; then\""))
        #expect(junit.contains("<testsuite name=\"appraise rules test\" tests=\"6\" failures=\"1\" errors=\"1\">"))
    }
}
