import RuleEngine
import Testing

/// A CEL error in each scalar style points at the file's exact line and column.
@Suite struct EmbeddedSourceTests {
    func firstCELError(when: String) -> String? {
        let text = """
            format: rules/1
            examples_as_of: 2025-09-20
            rules:
              - id: A-1
                title: T
                severity: note
                basis: B
                for_each: [d in discipline]
            \(when)
                message: m
                examples: {triggers: [{}], passes: [{}]}

            """
        return RuleHarness.prepare(text).diagnostics.first { $0.code.hasPrefix("cel.") }.map {
            "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.code)"
        }
    }

    @Test func plainScalar() {
        #expect(firstCELError(when: "    when: d.dat > 5") == "9:13 cel.undefined-field")
    }

    @Test func singleAndDoubleQuoted() {
        #expect(firstCELError(when: "    when: 'd.dat > 5'") == "9:14 cel.undefined-field")
        #expect(firstCELError(when: "    when: \"d.form == 'x' && d.dat > 5\"") == "9:31 cel.undefined-field")
    }

    @Test func literalAndFoldedBlocks() {
        #expect(firstCELError(when: "    when: |\n      d.form == 'x'\n        && d.dat > 5") == "11:14 cel.undefined-field")
        #expect(firstCELError(when: "    when: >\n      d.form == 'x'\n      && d.dat > 5") == "11:12 cel.undefined-field")
    }

    @Test func undefinedFieldMessageSuggests() {
        let text = "format: rules/1\nexamples_as_of: 2025-09-20\nrules:\n  - {id: A-1, title: T, severity: note, basis: B, for_each: [d in discipline], when: d.dat > 5, message: m,\n     examples: {triggers: [{}], passes: [{}]}}\n"
        let diagnostic = RuleHarness.prepare(text).diagnostics.first { $0.code == "cel.undefined-field" }
        #expect(diagnostic?.description
            == "fx/rules.yaml:4:88: error: no field 'dat' on discipline; did you mean 'date'? [cel.undefined-field]")
    }
}
