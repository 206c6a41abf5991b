import Foundation
import CEL
import RuleEngine
import Screening
import Synchronization
import Testing

/// `pair_keys`: slate pair rules evaluate only the pairs whose blocking keys meet.
@Suite struct PairKeysTests {
    static func rules(keys: String) -> String {
        """
        format: rules/1
        examples_as_of: 2025-09-20
        rules:
          - id: SLATE-SAME-ID
            title: Same id
            severity: review
            basis: B
            scope: slate
            for_each: [a in candidates, b in candidates]
            pair_keys: \(keys)
            when: a.candidate.id < b.candidate.id && a.candidate.citizen_id == b.candidate.citizen_id
            involved: "[a, b]"
            message: "{{ a.candidate.id }} {{ b.candidate.id }}"
            examples:
              triggers:
                - slate: {committee: C, term: 2025-2030, level: provincial, congress_date: 2025-09-20}
                  candidates:
                    - candidate: {id: D-01, citizen_id: '037078000777'}
                    - candidate: {id: D-02, citizen_id: '037078000777'}
              passes:
                - slate: {committee: C, term: 2025-2030, level: provincial, congress_date: 2025-09-20}
                  candidates:
                    - candidate: {id: D-01, citizen_id: '037078000777'}
                    - candidate: {id: D-02, citizen_id: '037081000888'}

        """
    }

    @Test func keysThatMeetFindThePair() {
        let prepared = RuleHarness.prepare(Self.rules(keys: "'[a.candidate.citizen_id]'"))
        #expect(prepared.diagnostics.map(\.code) == [])
        let report = ExampleRunner(prepared: prepared).run()
        #expect(report.summary == "2 passed, 0 failed")
    }

    @Test func pairsWithoutACommonKeyAreNotEvaluated() {
        let report = ExampleRunner(prepared: RuleHarness.prepare(Self.rules(keys: "'[a.candidate.id]'"))).run()
        #expect(report.results.map { "\($0.name) \($0.passed)" } == [
            "SLATE-SAME-ID triggers[0] false", "SLATE-SAME-ID passes[0] true",
        ])
    }

    @Test func keysMustBeStringsOrInts() {
        let report = ExampleRunner(prepared: RuleHarness.prepare(Self.rules(keys: "'[1.5]'"))).run()
        let message = "rule failed: pair_keys keys must be strings or ints, found a double"
        #expect(report.results.first?.actual.map(\.message) == [message, message])
    }

    @Test func onlyOnSlatePairRules() {
        let rules = """
            format: rules/1
            rules:
              - id: DISC-ANY
                title: Any discipline
                severity: review
                basis: B
                for_each: [d in discipline]
                pair_keys: "[d.form]"
                when: d.date <= as_of
                message: "{{ d.form }}"

            """
        let diagnostics = RuleHarness.prepare(rules).diagnostics.filter { $0.code == "rule.pair-keys" }
        #expect(diagnostics.map { "\($0.location?.description ?? "") \($0.message)" } == [
            "fx/rules.yaml:8:16 'pair_keys' is only for slate rules with two for_each lines over the same list",
        ])
    }

    /// Keys are computed for each candidate as it is screened, before the slate is complete.
    @Test func mayNotReadCandidates() {
        let diagnostics = RuleHarness.prepare(Self.rules(keys: "'[string(size(candidates))]'")).diagnostics
        #expect(diagnostics.filter { $0.code == "rule.pair-keys" }.map { "\($0.location?.description ?? "") \($0.message)" } == [
            "fx/rules.yaml:10:17 'pair_keys' gives the keys of one candidate and may not read 'candidates': they are computed before the slate is complete",
        ])
    }

    /// The SLATE-SAME-ID findings over dossiers with these candidate (id, citizen_id), as
    /// "file message", evaluated once with each way of running work.
    static func sameIDFindings(
        _ candidates: [(id: Int, citizenID: String)], runs: [ParallelWork], limits: EvaluationLimits = .default
    ) throws -> [[String]] {
        let prepared = RuleHarness.prepare(Self.rules(keys: "'[a.candidate.citizen_id]'"))
        let context = try #require(prepared.context)
        let dossiers = RuleHarness.dossiers(candidates.enumerated().map { index, candidate in
            ("candidate: {id: D-\(candidate.id), citizen_id: '\(candidate.citizenID)'}", "d\(index).yaml")
        }).compactMap { $0 }
        var evaluator = SlateEvaluator(rules: prepared.compiled.rules, context: context)
        evaluator.limits = limits
        let asOf = CivilDate(year: 2025, month: 9, day: 20)!
        let params = context.paramsOn(asOf)
        return runs.map { parallel in
            var slate = SlateCandidates(dossiers: dossiers, keys: evaluator.pairKeys(slate: .null, asOf: asOf, params: params))
            slate.parallel = parallel
            return evaluator.evaluate(
                candidates: slate, slate: .null, slateLocation: nil, asOf: asOf, language: "en", params: params
            ).map { "\($0.location.file) \($0.message)" }
        }
    }

    /// Pairs past the cost limit end in one failure, located at the candidate the last pair
    /// evaluated was paired with (the pair's innermost element), not at the slate.
    @Test func pairsPastTheCostLimitFailAtTheirInnermostCandidate() throws {
        let limits = EvaluationLimits(maxSteps: 1, maxBytes: EvaluationLimits.default.maxBytes)
        let runs = try Self.sameIDFindings((0..<40).map { (100 + $0, "037078000777") }, runs: [.serial], limits: limits)
        let message = "rule failed: cost limit: more than 40 evaluation steps; raise it with --max-eval-steps"
            + " (in the pairs of `for_each`)"
        // D-100 is paired with D-101 … D-110, then the pair with D-111 (d11.yaml) runs out.
        #expect(runs[0] == ["d11.yaml " + message] + (101...110).map { "d0.yaml D-100 D-\($0)" })
    }

    /// Many pairs are split over threads; the findings are the same, in the same order.
    @Test func threadsFindTheSamePairs() throws {
        let runs = try Self.sameIDFindings((0..<40).map { (100 + $0, "037078000777") }, runs: [.serial, .threads(4)])
        #expect(runs[0].count == 40 * 39 / 2)
        #expect(runs[1] == runs[0])
    }

    /// The library runs pieces only through the `ParallelWork` it is given: a recording one
    /// sees the parts of the pairs, and gets them in turn here, with the same findings.
    @Test func piecesGoThroughTheCallersParallelWork() throws {
        let pieces = Mutex(0)
        let recording = ParallelWork(width: 4) { count, body in
            pieces.withLock { $0 += count }
            for index in 0..<count { body(index) }
        }
        let runs = try Self.sameIDFindings((0..<40).map { (100 + $0, "037078000777") }, runs: [.serial, recording])
        #expect(pieces.withLock { $0 } == 4)  // 1,560 ordered pairs: as many parts as the width allows
        #expect(runs[1] == runs[0])
    }

    /// From 1,000 candidates slate rules run side by side; the findings do not change.
    @Test func rulesSideBySideFindTheSame() throws {
        let count = SlateEvaluator.candidatesPerThread
        let runs = try Self.sameIDFindings((0..<count).map { (10_000 + $0, "0370780\(10_000 + $0 / 2)") }, runs: [.serial, .threads(2)])
        #expect(runs[0].count == count / 2)
        #expect(runs[1] == runs[0])
    }

    static let listedRule = """
        format: rules/1
        examples_as_of: 2025-09-20
        rules:
          - id: SLATE-LISTED
            title: Lists another candidate
            severity: note
            basis: B
            scope: slate
            for_each: [a in candidates, b in candidates]
            pair_keys: "[a.candidate.citizen_id]"
            pair_links: a.family.map(f, f.citizen_id)
            when: a.family.exists(f, f.citizen_id == b.candidate.citizen_id)
            involved: "[a, b]"
            message: "{{ a.candidate.id }} lists {{ b.candidate.id }}"
            examples:
              triggers:
                - candidates:
                    - candidate: {id: D-01, citizen_id: '001'}
                      family: [{relation: mother, name: Lê Thị Mẹ, citizen_id: '002'}]
                    - candidate: {id: D-02, citizen_id: '002'}
              passes:
                - candidates:                                  # both list the same mother, who is not a candidate
                    - candidate: {id: D-01, citizen_id: '001'}
                      family: [{relation: mother, name: Lê Thị Mẹ, citizen_id: '009'}]
                    - candidate: {id: D-02, citizen_id: '002'}
                      family: [{relation: mother, name: Lê Thị Mẹ, citizen_id: '009'}]

        """

    /// With `pair_links`, a candidate's links meet the other's keys.
    @Test func linksFindTheListedCandidate() {
        let prepared = RuleHarness.prepare(Self.listedRule)
        #expect(prepared.diagnostics.map(\.description) == [])
        let report = ExampleRunner(prepared: prepared).run()
        #expect(report.summary == "2 passed, 0 failed")
        #expect(report.results.first?.actual.map(\.message) == ["D-01 lists D-02"])
    }

    @Test func linksNeedKeys() {
        let rules = Self.listedRule.replacingOccurrences(of: "    pair_keys: \"[a.candidate.citizen_id]\"\n", with: "")
        #expect(RuleHarness.prepare(rules).diagnostics.filter { $0.code == "rule.pair-keys" }.map {
            "\($0.location?.description ?? "") \($0.message)"
        } == ["fx/rules.yaml:10:17 'pair_links' needs 'pair_keys': links are matched against the other candidate's keys"])
    }

    /// Keys that do not match the candidates are a bug: an error finding, never silence.
    @Test func keysOfAnotherSlateAreAnError() throws {
        let prepared = RuleHarness.prepare(Self.rules(keys: "'[a.candidate.citizen_id]'"))
        let context = try #require(prepared.context)
        let dossiers = RuleHarness.dossiers([("candidate: {id: D-1}", "d1.yaml"), ("candidate: {id: D-2}", "d2.yaml")])
            .compactMap { $0 }
        var table = PairKeyTable()
        table.append(.success(.init(keys: [1])))
        let candidates = SlateCandidates(
            list: ListValue(dossiers.map(Value.object)), position: { _ in nil }, pairKeys: ["SLATE-SAME-ID": table])
        let asOf = CivilDate(year: 2025, month: 9, day: 20)!
        let findings = SlateEvaluator(rules: prepared.compiled.rules, context: context).evaluate(
            candidates: candidates, slate: .null, slateLocation: nil, asOf: asOf, language: "en",
            params: context.paramsOn(asOf))
        #expect(findings.map(\.message) == ["rule failed: pair keys of 1 candidates for a slate of 2"])
    }
}
