import Foundation
import Testing
import TestSupport

/// Issue 17: hostile rule files. Each ends with a located error (exit 2) or an `error`
/// finding, within seconds; none crashes, hangs or is counted clean.
@Suite struct HostileRuleTests {
    /// A one-rule file with `when` (and optionally a `let` and a message) as given.
    static func ruleFile(
        when: String, lets: [String] = [], message: String = "checked", forEach: [String] = [], params: String = ""
    ) -> String {
        let letBlock = lets.isEmpty ? "" : "    let:\n" + lets.map { "      " + $0 + "\n" }.joined()
        let loops = forEach.isEmpty ? "" : "    for_each:\n" + forEach.map { "      - " + $0 + "\n" }.joined()
        return """
            format: rules/1
            \(params)rules:
              - id: HOSTILE
                title: {en: Hostile, vi: Hostile}
                severity: review
                basis: test
            \(loops)\(letBlock)    when: \(when)
                message: {en: "\(message)", vi: "\(message)"}
                examples: {triggers: [{}], passes: [{}]}
              - id: ALWAYS
                title: {en: Always, vi: Luôn}
                severity: note
                basis: test
                when: "true"
                message: {en: "checked", vi: "đã kiểm tra"}
                examples: {triggers: [{}], passes: [{}]}

            """
    }

    static let crashes = ["Fatal error", "Segmentation", "stack overflow", "Illegal instruction", "failed to allocate"]

    static func expectNoCrash(_ run: AppraiseRun, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.code >= 0 && run.code <= 2, "exit \(run.code)", sourceLocation: sourceLocation)
        for crash in crashes {
            #expect(!run.stderr.contains(crash), "\(run.stderr.prefix(2_000))", sourceLocation: sourceLocation)
        }
    }

    /// 10^5 terms of `+ 1` (and of a method chain, in a `let` and in a message): `rules
    /// lint`, `check` and `screen` give the located `cel.too-deep` error; `eval` too, at 25,000
    /// terms (an argument is limited to 128 KB).
    @Test(arguments: ["when", "let", "method", "message"])
    func aLongChainIsALocatedErrorEverywhere(_ part: String) throws {
        let sum = "1" + String(repeating: " + 1", count: 100_000)
        let file: String
        switch part {
        case "when": file = Self.ruleFile(when: sum + " > 0")
        case "let": file = Self.ruleFile(when: "n > 0", lets: ["n: " + sum])
        case "method":
            file = Self.ruleFile(when: "candidate.name" + String(repeating: ".lower_ascii()", count: 50_000) + " != ''")
        default: file = Self.ruleFile(when: "true", message: "{{ " + sum + " }}")
        }
        let line = part == "let" || part == "message" ? 8 : 7
        let folder = try CLIFixtures.folder(["long.yaml": file, "dossier.yaml": try Hostile.validDossier()])
        defer { CLIFixtures.remove(folder) }
        for command in [["rules", "lint", "long.yaml"], ["check", "--rules", "long.yaml", "dossier.yaml"],
                        ["screen", "--rules", "long.yaml", "."]] {
            let run = try runAppraise(command, cwd: folder, timeout: 60)
            Self.expectNoCrash(run)
            #expect(run.code == 2, "\(command): exit \(run.code)")
            // Located at the operator that went past the limit: its line, and a column near
            // the start of the line (the 200th term), not at the end of the chain.
            let located = run.stderr.firstMatch(of: /long\.yaml:(\d+):(\d+): error: expression too deep: over 200 levels of operators, calls or brackets; split it into named parts with 'let' \[cel.too-deep\]/)
            #expect(located.map { Int($0.1) } == line, "\(command): \(run.stderr.prefix(300))")
            #expect(located.flatMap { Int($0.2) }.map { $0 > 200 && $0 < 3_000 } == true, "\(command)")
        }
        let eval = try runAppraise(["eval", "1" + String(repeating: " + 1", count: 25_000)], cwd: folder, timeout: 60)
        Self.expectNoCrash(eval)
        #expect(eval.code == 2)
        #expect(eval.stderr.hasPrefix("<expression>:1:799: error: expression too deep"), "\(eval.stderr.prefix(300))")
    }

    /// The run-time cost limits: each case ends that rule on that dossier with an `error`
    /// finding naming the limit and the part, the other rule still runs, and it is quick.
    static let costCases: [(name: String, file: String, message: String)] = {
        // Five nested loops over a 100-element parameter list (10^10 steps): under the static
        // warning (6 nested loops), so only the run-time budget stops it.
        var nested = "true"
        for level in 0..<5 { nested = "params.hundred.exists(x\(level), \(nested) && x\(level) < 0)" }
        let hundred = "params:\n  hundred:\n    basis: test\n    value: [" + (0..<100).map(String.init).joined(separator: ", ") + "]\n"
        let doubling = ["s0: \"'ab'\""] + (1...40).map { "s\($0): s\($0 - 1) + s\($0 - 1)" }
        let megabyte = ["s0: \"'abcdefghij'\""] + (1...17).map { "s\($0): s\($0 - 1) + s\($0 - 1)" }
        let big = "[" + Array(repeating: "0", count: 100_000).joined(separator: ", ") + "]"
        let params = "params:\n  big:\n    basis: test\n    values:\n      - {since: 2000-01-01, value: \(big)}\n"
        return [
            ("nested-exists", ruleFile(when: "\"\(nested)\"", params: hundred),
             "rule failed: cost limit: more than 1000000 evaluation steps; raise it with --max-eval-steps (in `params.hundred.exists(x4, params.hundred.exists(x3, "),
            ("doubling", ruleFile(when: "size(s40) > 0", lets: doubling),
             "rule failed: cost limit: the values built exceed 4194304 bytes; raise it with --max-eval-bytes (in `s20 + s20` at rules.yaml:29:12) [eval.cost-limit]"),
            ("message", ruleFile(when: "\"true\"", lets: megabyte, message: String(repeating: "{{ s17 }}", count: 10)),
             "rule failed: cost limit: the values built exceed 4194304 bytes; raise it with --max-eval-bytes (in the message)"),
            ("product", ruleFile(when: "a + b + c < 0", forEach: ["a in params.big", "b in params.big", "c in params.big"], params: params),
             "rule failed: cost limit: more than 1000000 evaluation steps; raise it with --max-eval-steps (in `for_each c in params.big`)"),
        ]
    }()

    @Test(arguments: 0..<costCases.count)
    func anExpensiveRuleIsAnErrorFindingAndTheOthersRun(_ index: Int) throws {
        let cost = Self.costCases[index]
        let folder = try CLIFixtures.folder(["rules.yaml": cost.file, "dossiers/a.yaml": try Hostile.validDossier()])
        defer { CLIFixtures.remove(folder) }
        for command in [["check", "dossiers/a.yaml"], ["screen", "dossiers"]] {
            let started = Date()
            let run = try runAppraise(command + ["--rules", "rules.yaml", "--as-of", "2025-09-20"], cwd: folder, timeout: 60)
            let seconds = Date().timeIntervalSince(started)
            Self.expectNoCrash(run)
            #expect(run.code == 1, "\(cost.name) \(command): exit \(run.code)\n\(run.stderr.prefix(500))")
            #expect(run.stdout.contains("ERROR       HOSTILE  " + cost.message), "\(cost.name): \(run.stdout.prefix(1_000))")
            #expect(run.stdout.contains("NOTE        ALWAYS  checked"), "\(cost.name): \(run.stdout.prefix(1_000))")
            #expect(seconds < 30, "\(cost.name) took \(seconds) s")
        }
        // A larger budget is an option away.
        if cost.name == "doubling" {
            let run = try runAppraise(
                ["check", "--rules", "rules.yaml", "--max-eval-bytes", "20000000", "dossiers/a.yaml"], cwd: folder)
            #expect(run.stdout.contains("exceed 20000000 bytes; raise it with --max-eval-bytes (in `s22 + s22` at rules.yaml:31:12) [eval.cost-limit]"), "\(run.stdout)")
        }
    }

    @Test(arguments: ["a{1000}{1000}", "(a{1000}){1000}"])
    func aConstantPatternTooBigIsALintError(_ pattern: String) throws {
        let folder = try CLIFixtures.folder(["rules.yaml": Self.ruleFile(when: "\"candidate.name.matches('\(pattern)')\"")])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["rules", "lint", "rules.yaml"], cwd: folder)
        #expect(run.code == 2)
        #expect(run.stderr.contains("rules.yaml:7:35: error: invalid regular expression: "), "\(run.stderr)")
        #expect(run.stderr.contains("[cel.bad-regex]"))
    }

    @Test func extremeParameterValuesAreLocatedErrors() throws {
        let params = """
            params:
              huge:
                basis: test
                value: 99999999999999999999999
              infinite:
                basis: test
                value: 1e400
              nan:
                basis: test
                values: [{since: 2000-01-01, value: .nan}]
              impossible:
                basis: test
                values: [{since: 2023-02-29, value: 1}]

            """
        let folder = try CLIFixtures.folder([
            "set/rules.yaml": Self.ruleFile(when: "\"true\"", params: params),
            "cal/rules.yaml": Self.ruleFile(when: "\"true\""),
            "cal/calendar.yaml": try String(contentsOf: packageRoot().appendingPathComponent("rules/calendar.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "2025-01-01", with: "2025-02-30"),
        ])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["rules", "lint", "set"], cwd: folder)
        #expect(run.code == 2)
        for expected in [
            "set/rules.yaml:5:12: error: 99999999999999999999999 is outside the 64-bit integer range [params.number]",
            "set/rules.yaml:8:12: error: a parameter must be a finite number, not 1e400 [params.number]",
            "set/rules.yaml:11:41: error: a parameter must be a finite number, not .nan [params.number]",
            "set/rules.yaml:14:22: error: invalid date for params.impossible.values[0].since",
        ] {
            #expect(run.stderr.contains(expected), "\(run.stderr)")
        }
        let calendar = try runAppraise(["check", "--rules", "cal", "--as-of", "2025-09-20", "nothing.yaml"], cwd: folder)
        #expect(calendar.code == 2)
        #expect(calendar.stderr.contains("cal/calendar.yaml:"), "\(calendar.stderr)")
        #expect(calendar.stderr.contains("error: invalid date for holidays["), "\(calendar.stderr)")
    }

    /// 100,000 rules (a 16 MB file, under the file size limit): a located limit error.
    @Test func aHundredThousandRulesIsALimitError() throws {
        var text = "format: rules/1\nrules:\n"
        text.reserveCapacity(17_000_000)
        for index in 0..<100_000 {
            text += "- {id: R-\(index), title: T, severity: note, basis: b, when: \"candidate.name == 'x\(index)'\", message: m}\n"
        }
        let folder = try CLIFixtures.folder(["many.yaml": text])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["rules", "lint", "many.yaml"], cwd: folder, timeout: 120)
        Self.expectNoCrash(run)
        #expect(run.code == 2)
        #expect(run.stderr.hasPrefix("many.yaml:3:1: error: the rule set would hold 100000 rules, more than the limit of 10000 [rules.too-many]"),
                "\(run.stderr.prefix(500))")
    }

    /// `--explain` on a rule that compares 20,000 times: 20 comparisons and "… N more", quickly.
    @Test func explainIsCapped() throws {
        let params = "params:\n  big:\n    basis: test\n    value: [" + Array(repeating: "0", count: 10_000).joined(separator: ", ") + "]\n"
        let folder = try CLIFixtures.folder([
            "rules.yaml": Self.ruleFile(when: "\"params.big.all(x, x == 0 && candidate.name != '')\"", params: params),
            "a.yaml": try Hostile.validDossier(),
        ])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["check", "--explain", "--rules", "rules.yaml", "--as-of", "2025-09-20", "a.yaml"], cwd: folder, timeout: 60)
        #expect(run.code == 1)
        #expect(run.stdout.components(separatedBy: "comparisons: ").count - 1 == 21, "\(run.stdout.prefix(3_000))")
        #expect(run.stdout.contains("comparisons: … 19980 more comparisons not shown"), "\(run.stdout.suffix(500))")
    }

    /// The static estimate at load: nine nested `exists` over ten-element literals (10^9
    /// steps whatever the dossier) is an error; six nested loops over dossier lists a warning.
    @Test func theStaticCostEstimateWarnsAndStops() throws {
        let ten = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]"
        var literal = "true"
        for level in 0..<9 { literal = "\(ten).exists(x\(level), \(literal) && x\(level) < 0)" }
        var family = "true"
        for level in 0..<6 { family = "family.exists(f\(level), \(family))" }
        let folder = try CLIFixtures.folder([
            "literal.yaml": Self.ruleFile(when: "\"\(literal)\""), "family.yaml": Self.ruleFile(when: "\"\(family)\""),
            "a.yaml": try Hostile.validDossier(),
        ])
        defer { CLIFixtures.remove(folder) }
        for command in [["rules", "lint", "literal.yaml"], ["check", "--rules", "literal.yaml", "a.yaml"]] {
            let run = try runAppraise(command, cwd: folder, timeout: 60)
            #expect(run.code == 2, "\(command)")
            #expect(run.stderr.contains("literal.yaml:7:43: error: rule 'HOSTILE' may take about 10^9 steps on one dossier"), "\(run.stderr.prefix(600))")
            #expect(run.stderr.contains("the most expensive part is `[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].exists(x8, "), "\(run.stderr.prefix(600))")
            #expect(run.stderr.contains("over the ceiling of 8 nested loops or 1000000 steps [rule.cost-ceiling]"))
        }
        let lint = try runAppraise(["rules", "lint", "family.yaml"], cwd: folder)
        #expect(lint.code == 0, "\(lint.stderr)")
        #expect(lint.stderr.contains("family.yaml:7:19: warning: rule 'HOSTILE' may take about 2·N^6 steps on one dossier (10^30 with lists of N = 100000 elements, --max-collection-count); the most expensive part is `family.exists(f5, "), "\(lint.stderr)")
        #expect(lint.stderr.contains("more than 5 nested loops over dossier lists [rule.cost]"))
    }
}
