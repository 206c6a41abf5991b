import Diagnostics
import RuleEngine
import Testing

/// Each lint code, with its exact message and location.
@Suite struct RuleLintTests {
    static let header = "format: rules/1\nexamples_as_of: 2025-09-20\nrules:\n"
    static let examples = "    examples: {triggers: [{}], passes: [{}]}\n"

    func diagnostics(_ rules: String) -> [String] {
        RuleHarness.prepare(Self.header + rules).diagnostics.map(\.description)
    }

    @Test func unknownKeyMissingFieldBadSeverityAndIDConvention() {
        let text = """
              - id: disc-bar
                title: T
                severity: disqualified
                basis: B
                whn: "true"
                message: m

            """
        // `whn` is reported once, as a misspelt key, not also as a missing `when`.
        #expect(diagnostics(text) == [
            "fx/rules.yaml:4:5: error: rule 'disc-bar' has no 'passes' example [rule.no-passes]",
            "fx/rules.yaml:4:5: error: rule 'disc-bar' has no 'triggers' example [rule.no-triggers]",
            "fx/rules.yaml:4:9: error: rule id 'disc-bar' must be upper-case words and digits joined by '-', such as 'DISC-STATE-BAR' [rule.id-convention]",
            "fx/rules.yaml:6:15: error: severity 'disqualified' is not one of disqualify, review, note; did you mean 'disqualify'? [rule.bad-severity]",
            "fx/rules.yaml:8:5: error: unknown key 'whn' in a rule; did you mean 'when'? [rule.unknown-key]",
        ])
    }

    @Test func duplicateIDNamesBothPlaces() {
        let rule = "  - {id: A-1, title: T, severity: note, basis: B, when: 'true', message: m,\n     examples: {triggers: [{}], passes: [{}]}}\n"
        let prepared = RuleHarness.prepare(Self.header + rule + rule)
        let duplicate = prepared.diagnostics.first { $0.code == "rule.duplicate-id" }
        #expect(duplicate?.description == "fx/rules.yaml:6:10: error: duplicate rule id 'A-1', first defined at fx/rules.yaml:4:10 [rule.duplicate-id]")
        #expect(duplicate?.notes.first?.location?.description == "fx/rules.yaml:4:10")
    }

    @Test func messagePlaceholdersDifferAcrossLanguages() {
        let text = """
              - id: A-1
                title: T
                severity: note
                basis: B
                for_each: [d in discipline]
                when: "true"
                message: {en: "{{ d.form }} on {{ d.date }}", vi: "{{ d.form }}"}

            """ + Self.examples
        #expect(diagnostics(text) == [
            "fx/rules.yaml:10:56: warning: the 'vi' message uses other placeholders than 'en': lacks {{d.date}} [rule.message-placeholders]"
        ])
    }

    @Test func whenNotBoolAndForEachNotList() {
        let text = """
              - id: A-1
                title: T
                severity: note
                basis: B
                for_each: [c in candidate]
                when: "1 + 2"
                message: m

            """ + Self.examples
        #expect(diagnostics(text) == [
            "fx/rules.yaml:8:21: error: for_each needs a list, but 'candidate' is candidate [rule.for-each-not-list]",
            "fx/rules.yaml:9:12: error: 'when' must be a bool expression, found int [rule.when-not-bool]",
        ])
    }
}
