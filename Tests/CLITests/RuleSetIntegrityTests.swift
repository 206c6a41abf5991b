import Foundation
import Testing
import TestSupport

/// Issue 17, part 1: every `.yaml`/`.yml` file of a rule folder is accounted for. A YAML error,
/// a missing or misspelt `format:`, a dossier among the rules, or a folder without rules is a
/// located error and exit 2 in every command that loads rules, never a rule set that silently
/// lacks a file and passes candidates.
@Suite struct RuleSetIntegrityTests {
    static let oneRule = """
        format: rules/1
        rules:
          - id: ALWAYS
            title: {en: Always, vi: Luôn}
            severity: note
            basis: test
            when: "true"
            message: {en: "checked", vi: "đã kiểm tra"}
            examples:
              triggers: [{}]

        """

    /// The bad file, and the diagnostic each command must print for it.
    static let badFiles: [(name: String, text: String, diagnostic: String)] = [
        ("syntax.yaml", oneRule + "  - id: [broken\n", "syntax.yaml:12:1: error: did not find expected ',' or ']'"),
        ("typo.yaml", oneRule.replacingOccurrences(of: "rules/1", with: "rule/1"),
         "typo.yaml:1:9: error: format 'rule/1' is not 'rules/1'; did you mean 'rules/1'? [rule.bad-format]"),
        ("no-format.yml", "rules: []\n", "no-format.yml:1:1: error: a rules file needs 'format: rules/1'"),
        ("list.yaml", "- a\n- b\n", "list.yaml:1:1: error: a rules file needs 'format: rules/1'"),
        ("dossier.yaml", "format: dossier/1\ncandidate: {id: X}\n",
         "dossier.yaml:1:9: error: format 'dossier/1' is not 'rules/1': this is a dossier"),
    ]

    static let commands: [[String]] = [
        ["rules", "lint"], ["rules", "test"], ["rules", "list", "--rules"], ["eval", "1 + 1", "--rules"],
        ["check", "--as-of", "2025-09-20", "dossier-ok.yaml", "--rules"],
        ["screen", "--as-of", "2025-09-20", "dossiers", "--rules"],
    ]

    @Test(arguments: 0..<badFiles.count)
    func aBadFileInARuleFolderStopsEveryCommand(_ index: Int) throws {
        let bad = Self.badFiles[index]
        let valid = try Hostile.validDossier()
        let folder = try CLIFixtures.folder([
            "set/a-good.yaml": Self.oneRule, "set/\(bad.name)": bad.text,
            "dossier-ok.yaml": valid, "dossiers/ok.yaml": valid,
        ])
        defer { CLIFixtures.remove(folder) }
        for command in Self.commands {
            let run = try runAppraise(command + ["set"], cwd: folder)
            #expect(run.code == 2, "\(command): exit \(run.code)\n\(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("set/" + bad.diagnostic), "\(command): \(run.stderr)")
            #expect(!run.stdout.contains("ELIGIBLE"), "\(command): \(run.stdout)")
        }
    }

    @Test func lintListsEveryFileItReadAndWhatItWas() throws {
        let folder = try CLIFixtures.folder([
            "set/a-good.yaml": Self.oneRule, "set/typo.yml": "format: rule/1\nrules: []\n",
            "set/tests/cases.yaml": "format: rules-test/1\ntests: []\n", "set/tests/notes.yaml": "just: notes\n",
            "set/README.md": "not YAML, not read\n",
        ])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["rules", "lint", "set"], cwd: folder)
        #expect(run.code == 2)
        #expect(run.stdout.hasPrefix("""
            FILE                  READ AS
            set/a-good.yaml       rules/1, 1 rule
            set/typo.yml          not loaded (see the errors above)
            set/tests/cases.yaml  rules-test/1
            set/tests/notes.yaml  not loaded (see the errors above)
            calendar.yaml         calendar/1, shipped
            schema.yaml           schema/1, shipped
            tests/base.yaml       dossier/1, shipped

            """), "\(run.stdout)")
        #expect(run.stderr.contains("set/tests/notes.yaml:1:1: error: this file needs 'format: rules-test/1' [rule.bad-format]"))
    }

    @Test(arguments: [
        ["check", "--as-of", "2025-09-20", "dossier-ok.yaml", "--rules", "empty"],
        ["screen", "--as-of", "2025-09-20", "dossiers", "--rules", "empty"],
        ["check", "--as-of", "2025-09-20", "dossier-ok.yaml", "--rules", "dossiers"],
        ["rules", "lint", "empty"], ["rules", "test", "empty"], ["rules", "list", "--rules", "empty"],
    ])
    func anEmptyRuleSetIsAnError(_ command: [String]) throws {
        let valid = try Hostile.validDossier()
        let folder = try CLIFixtures.folder(["empty/README.md": "no rules here\n", "dossier-ok.yaml": valid, "dossiers/ok.yaml": valid])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(command, cwd: folder)
        #expect(run.code == 2, "\(run.stdout)\(run.stderr)")
        let code = command.last == "dossiers" ? "[rule.bad-format]" : "holds no rule: name a rule folder or file with --rules, or pass --allow-empty-rules if this is meant [rules.empty]"
        #expect(run.stderr.contains(code), "\(run.stderr)")
        #expect(!run.stdout.contains("ELIGIBLE"))
        let allowed = try runAppraise(command + ["--allow-empty-rules"], cwd: folder)
        if command.last == "empty" {
            #expect(allowed.code == 0, "\(allowed.stdout)\(allowed.stderr)")
        }
    }

    @Test func slateRulesWithoutCandidateRulesStopScreeningButNotLint() throws {
        let valid = try Hostile.validDossier()
        let folder = try CLIFixtures.folder(["dossier-ok.yaml": valid])
        defer { CLIFixtures.remove(folder) }
        let slate = packageRoot().appendingPathComponent("rules/slate.yaml").path
        let check = try runAppraise(["check", "--as-of", "2025-09-20", "--rules", slate, "dossier-ok.yaml"], cwd: folder)
        #expect(check.code == 2)
        #expect(check.stderr.contains("slate rules but no candidate rule, so every candidate would pass"))
        #expect(check.stderr.contains("[rules.no-candidate-rules]"))
    }
}
