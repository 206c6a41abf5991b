import CEL
import Diagnostics
import RuleEngine
import Testing

/// A rule that fails at run time, for each reason the interpreter knows, gives an `error`
/// finding with its code, the place in the rule file of the part that failed, the dossier
/// location it was evaluating, and a message in both languages.
@Suite struct RunTimeErrorTests {
    /// One rule per reason; `when` is on line 8 (after the lets, if any), its text from column 12.
    static func rules(_ when: String, lets: String = "") -> String {
        """
        format: rules/1
        examples_as_of: 2025-09-20
        rules:
          - id: FAILS
            title: {en: Fails, vi: Lỗi}
            severity: note
            basis: B
        \(lets)    when: "\(when)"
            message: m
            examples: {triggers: [{}], passes: [{}]}

        """
    }

    static let doubling = """
            let:
              s0: candidate.name
              s1: s0 + s0
              s2: s1 + s1
              s3: s2 + s2
              s4: s3 + s3
              s5: s4 + s4
              s6: s5 + s5
              s7: s6 + s6
              s8: s7 + s7
              s9: s8 + s8
              s10: s9 + s9
              s11: s10 + s10
              s12: s11 + s11
              s13: s12 + s12
              s14: s13 + s13
              s15: s14 + s14
              s16: s15 + s15
              s17: s16 + s16
              s18: s17 + s17
              s19: s18 + s18

        """

    struct Case: Sendable, CustomTestStringConvertible {
        /// The code as written in reports (`eval.missing`).
        var code: String
        var when: String
        var lets = ""
        var dossier = "{}"
        /// The failing part and its line:column in `fx/rules.yaml`, which a finding names `rules.yaml` (its name in its folder).
        var part: String
        var at: String
        var testDescription: String { code }
    }

    static let cases: [Case] = [
        Case(code: "eval.missing", when: "{'x': 1}[candidate.ethnicity] > 0", dossier: "candidate: {ethnicity: null}",
             part: "{'x': 1}[candidate.ethnicity]", at: "8:12"),
        Case(code: "eval.type", when: "['a', 1].all(x, x > 0)", part: "x > 0", at: "8:28"),
        Case(code: "eval.division-by-zero", when: "1 / (size(candidate.name) - size(candidate.name)) > 0",
             part: "1 / (size(candidate.name) - size(candidate.name))", at: "8:12"),
        Case(code: "eval.overflow", when: "9223372036854775807 + size(candidate.name) > 0",
             part: "9223372036854775807 + size(candidate.name)", at: "8:12"),
        Case(code: "eval.bad-regex", when: "candidate.name.matches(candidate.name + '(')",
             part: "candidate.name.matches(candidate.name + '(')", at: "8:12"),
        Case(code: "eval.out-of-range", when: "[1][size(candidate.name)] > 0", part: "[1][size(candidate.name)]", at: "8:12"),
        Case(code: "eval.conversion", when: "int(candidate.name) > 0", part: "int(candidate.name)", at: "8:12"),
        Case(code: "eval.cost-limit", when: "size(s19) > 0", lets: doubling, part: "s16 + s16", at: "26:12"),
    ]

    static func finding(_ test: Case, language: String) throws -> Finding {
        let prepared = RuleHarness.prepare(rules(test.when, lets: test.lets))
        #expect(prepared.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let context = try #require(prepared.context)
        let dossier = try #require(RuleHarness.dossier(test.dossier))
        let found = Evaluator(ruleSet: prepared.compiled, context: context)
            .evaluate(dossier: dossier, asOf: CivilDate(iso: "2025-09-20")!, language: language)
        return try #require(found.first)
    }

    @Test(arguments: cases)
    func runTimeErrorIsLocatedCodedAndWorded(_ test: Case) throws {
        let english = try Self.finding(test, language: "en")
        #expect(english.severity == .error)
        let failure = try #require(english.failure)
        #expect(failure.code.rawValue == test.code)
        #expect(failure.expression == test.part)
        #expect(failure.ruleLocation?.description == "rules.yaml:\(test.at)")
        // The range ends just past the part, on its line, which the failure carries as written.
        let start = try #require(failure.ruleLocation)
        #expect(failure.ruleEnd == SourceLocation(file: "rules.yaml", line: start.line, column: start.column + test.part.count))
        let line = try #require(failure.ruleLine)
        #expect(String(line.dropFirst(start.column - 1).prefix(test.part.count)) == test.part)
        #expect(english.location.file == "d.yaml")
        #expect(english.message.hasSuffix("(in `\(test.part)` at rules.yaml:\(test.at)) [\(test.code)]"), "\(english.message)")
        let vietnamese = try Self.finding(test, language: "vi")
        #expect(vietnamese.failure == failure)
        #expect(vietnamese.message.hasSuffix("(ở `\(test.part)`, rules.yaml:\(test.at)) [\(test.code)]"), "\(vietnamese.message)")
        #expect(vietnamese.message != english.message)
        if test.code == "eval.missing" {
            #expect(english.message.hasPrefix("candidate.ethnicity is missing; FAILS needs it — "))
            #expect(vietnamese.message.hasPrefix("thiếu candidate.ethnicity trong hồ sơ"))
        }
    }

    /// A cancelled evaluation (the server's `--request-timeout`) stops at its next 1,024-step
    /// boundary with `eval.cancelled`; the same rule without the flag set runs to its end.
    @Test func cancelledEvaluationStopsWithItsCode() throws {
        let loop = "[0,1,2,3,4,5,6,7,8,9].all(a, [0,1,2,3,4,5,6,7,8,9].all(b, [0,1,2,3,4,5,6,7,8,9].all(c, a + b + c >= 0)))"
        let prepared = RuleHarness.prepare(Self.rules(loop))
        let context = try #require(prepared.context)
        let dossier = try #require(RuleHarness.dossier("{}"))
        for cancelled in [false, true] {
            let flag = CancellationFlag()
            if cancelled { flag.cancel() }
            var evaluator = Evaluator(ruleSet: prepared.compiled, context: context)
            evaluator.limits = EvaluationLimits(maxSteps: 1_000_000, maxBytes: 1 << 20, cancellation: flag)
            let found = evaluator.evaluate(dossier: dossier, asOf: CivilDate(iso: "2025-09-20")!, language: "en")
            let finding = try #require(found.first)
            #expect(finding.failure?.code.rawValue == (cancelled ? "eval.cancelled" : nil), "\(finding.message)")
        }
    }
}
