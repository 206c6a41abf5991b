import Foundation
import Testing
import TestSupport

/// Issue 17: hostile rule files. Each ends with a located error (exit 2) or an `error`
/// finding, within seconds; none crashes, hangs or is counted clean.
@Suite struct HostileRuleTests {
    /// A one-rule file with `when` (and optionally a `let` and a message) as given.
    static func ruleFile(when: String, lets: [String] = [], message: String = "checked") -> String {
        let letBlock = lets.isEmpty ? "" : "    let:\n" + lets.map { "      " + $0 + "\n" }.joined()
        return """
            format: rules/1
            rules:
              - id: HOSTILE
                title: {en: Hostile, vi: Hostile}
                severity: review
                basis: test
            \(letBlock)    when: \(when)
                message: {en: "\(message)", vi: "\(message)"}
              - id: ALWAYS
                title: {en: Always, vi: Luôn}
                severity: note
                basis: test
                when: "true"
                message: {en: "checked", vi: "đã kiểm tra"}

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
}
