import CEL
import RuleEngine
import Testing

/// Candidate rules whose first `for_each` has the same text share one program, evaluated once
/// per dossier (`SharedLoopLists`): each rule must still give exactly the findings it gives
/// alone, down to where a tight budget stops it.
@Suite struct SharedLoopListsTests {
    static let rules = """
        format: rules/1
        examples_as_of: 2025-09-20
        rules:
          - id: LAND-RELATIVE
            title: Relative in land
            severity: review
            basis: B
            for_each:
              - "r in family.filter(p, p.businesses.exists(b, b.sectors.exists(s, s == 'land')))"
            when: r.relation == 'sibling'
            message: "{{ r.name }}"
            examples: {triggers: [{}], passes: [{}]}
          - id: LAND-BUSINESS
            title: Business of a relative in land
            severity: note
            basis: B
            for_each:
              - "r in family.filter(p, p.businesses.exists(b, b.sectors.exists(s, s == 'land')))"
              - b in r.businesses
            when: b.sectors.exists(s, s == 'trade' || s == 'land')
            message: "{{ r.name }}: {{ b.name }}"
            examples: {triggers: [{}], passes: [{}]}

        """

    static func prepared() throws -> (rules: [CompiledRule], context: RuleContext, dossier: ObjectValue) {
        let prepared = RuleHarness.prepare(Self.rules)
        #expect(prepared.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        return (prepared.compiled.rules, try #require(prepared.context), try #require(RuleHarness.dossier(EvaluatorTests.dossier)))
    }

    @Test func oneTextIsOneProgram() throws {
        let (rules, _, _) = try Self.prepared()
        try #require(rules.count == 2)
        #expect(rules[0].loops[0].iterable.identity == rules[1].loops[0].iterable.identity)
        #expect(rules[1].loops[1].iterable.identity != rules[0].loops[0].iterable.identity)
    }

    @Test func eachRuleFindsWhatItFindsAloneAtEveryBudget() throws {
        let (rules, context, dossier) = try Self.prepared()
        let asOf = try #require(CivilDate(iso: "2025-09-20"))
        var outcomes: Set<String> = []
        for steps in 1...80 {
            let limits = EvaluationLimits(maxSteps: steps, maxBytes: 1 << 20)
            var together = Evaluator(rules: rules, context: context)
            together.limits = limits
            var alone: [Finding] = []
            for rule in rules {
                var evaluator = Evaluator(rules: [rule], context: context)
                evaluator.limits = limits
                alone += evaluator.evaluate(dossier: dossier, asOf: asOf)
            }
            let found = together.evaluate(dossier: dossier, asOf: asOf)
            #expect(found == alone.sorted(by: Finding.reportOrder), "at \(steps) steps")
            outcomes.insert(found.filter { $0.rule == "LAND-BUSINESS" }.map { "\($0.severity)" }.joined(separator: ","))
        }
        // The steps tried stop the second rule in its first list, later, and not at all.
        #expect(outcomes.contains("error"))
        #expect(outcomes.contains("note,note,note"))
        #expect(outcomes.count >= 3)
    }
}
