import Foundation
import Testing
import TestSupport

/// Issue 20, "no silent clean": inputs `check` cannot screen, report formats from file names,
/// and a command line without a command never end in a quiet exit 0.
@Suite struct NoSilentCleanTests {
    let asOf = ["--as-of", "2025-09-20"]

    @Test func aSlateGivenToCheckNamesScreenAndWritesNothing() throws {
        for files in [["candidates/slate.yaml"], ["candidates/hoang-van-duc.yaml", "candidates/slate.yaml"]] {
            let run = try runAppraise(["check", "--format", "json"] + asOf + files)
            #expect(run.code == 2, "\(files)")
            #expect(run.stdout == "")
            #expect(run.stderr.contains("run `appraise screen candidates/slate.yaml`"), "\(run.stderr)")
        }
    }

    @Test func aFolderGivenToCheckNamesScreen() throws {
        let run = try runAppraise(["check"] + asOf + ["candidates"])
        #expect(run.code == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("candidates is a folder") && run.stderr.contains("`appraise screen candidates`"))
    }

    @Test func aRunThatScreensNoDossierIsNeverClean() throws {
        let folder = try CLIFixtures.folder(["empty/.keep": ""])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["screen", "empty"] + asOf, cwd: folder)
        #expect(run.code == 2)
        #expect(run.stderr.contains("no dossier was screened"))
    }

    @Test func outputFormatComesFromTheExtension() throws {
        let folder = try CLIFixtures.folder(["out/.keep": ""])
        defer { CLIFixtures.remove(folder) }
        let dossier = CLIFixtures.root.appendingPathComponent("candidates/hoang-van-duc.yaml").path
        let expected: [String: String] = [
            "r.html": "<!DOCTYPE html>", "r.json": "{", "r.jsonl": "{\"run\"", "r.sarif": "{",
            "r.csv": "file,candidate_id", "r.md": "#", "r.txt": "As of: 2025-09-20 (chosen for this run)\n",
        ]
        let outputs = expected.keys.sorted().flatMap { ["--output", "out/\($0)"] }
        let run = try runAppraise(["check", dossier] + asOf + outputs, cwd: folder)
        #expect(run.code == 1, "\(run.stderr)")
        for (name, start) in expected {
            let text = try String(contentsOf: folder.appendingPathComponent("out/\(name)"), encoding: .utf8)
            #expect(text.hasPrefix(start), "\(name): \(text.prefix(40))")
        }
        let sarif = try String(contentsOf: folder.appendingPathComponent("out/r.sarif"), encoding: .utf8)
        #expect(sarif.contains("\"version\": \"2.1.0\"") || sarif.contains("\"version\":\"2.1.0\""))
    }

    @Test func aFormatThatContradictsTheExtensionIsAnErrorAndWritesNothing() throws {
        let folder = try CLIFixtures.folder(["out/.keep": ""])
        defer { CLIFixtures.remove(folder) }
        let dossier = CLIFixtures.root.appendingPathComponent("candidates/hoang-van-duc.yaml").path
        let run = try runAppraise(["check", dossier, "--format", "json", "--output", "out/r.html"] + asOf, cwd: folder)
        #expect(run.code == 2)
        #expect(run.stderr.contains("--format json contradicts the extension of out/r.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path) == [".keep"])
        let explicit = try runAppraise(["check", dossier, "--output", "json=out/r.html"] + asOf, cwd: folder)
        #expect(explicit.code == 1)
        let text = try String(contentsOf: folder.appendingPathComponent("out/r.html"), encoding: .utf8)
        #expect(text.hasPrefix("{"))
    }

    @Test func anOutputFolderThatDoesNotExistIsAnErrorAndWritesNothing() throws {
        let folder = try CLIFixtures.folder(["out/.keep": ""])
        defer { CLIFixtures.remove(folder) }
        let dossier = CLIFixtures.root.appendingPathComponent("candidates/hoang-van-duc.yaml").path
        let run = try runAppraise(
            ["check", dossier, "--output", "out/a.json", "--output", "missing/b.json"] + asOf, cwd: folder)
        #expect(run.code == 2)
        #expect(run.stderr.contains("the folder missing does not exist"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path) == [".keep"])
    }

    @Test func noCommandPrintsTheUsageAndExits64() throws {
        let run = try runAppraise([])
        #expect(run.code == 64)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("USAGE: appraise <subcommand>"))
    }

    @Test func aRejectedOptionValueExits2() throws {
        let run = try runAppraise(["check", "--fail-on", "sometimes", "candidates/hoang-van-duc.yaml"])
        #expect(run.code == 2)
    }

    @Test func helpListsTheCommonOptionsFirstInGroups() throws {
        for command in ["check", "screen"] {
            let help = try runAppraise([command, "--help"]).stdout
            let order = ["REPORT OPTIONS:", "--as-of", "--format", "INPUT OPTIONS:", "--rules", "LIMITS AGAINST HOSTILE INPUT:", "--max-depth"]
            let positions = order.map { help.range(of: $0)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil }, "\(command): \(help)")
            let found = positions.compactMap { $0 }
            #expect(found == found.sorted(), "\(command) --help order")
        }
    }
}

/// Issue 20, "messages that say what to do".
@Suite struct MessageTests {
    @Test func aMissingDossierHasNoLineToPointAtAndSaysWhatToCheck() throws {
        let run = try runAppraise(["check", "--as-of", "2025-09-20", "nope.yaml"])
        #expect(run.code == 2)
        #expect(run.checkBody.contains(
            "  error: cannot read the dossier: no such file; check the path and the working folder [input.missing]\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("nope.yaml:1:1"))
        #expect(!run.stdout.contains(" it No such"))
    }
}

extension MessageTests {
    @Test func aMissingFieldTheRuleNeededIsNamedInBothLanguages() throws {
        let en = try runAppraise(["check", "--as-of", "2025-09-20", "candidates/ha-van-son.yaml"])
        #expect(en.stdout.contains("ERROR       AGE-FIRST-TERM  candidate.gender is missing; AGE-FIRST-TERM needs it — "), "\(en.stdout)")
        let vi = try runAppraise(["check", "--lang", "vi", "--as-of", "2025-09-20", "candidates/ha-van-son.yaml"])
        #expect(vi.stdout.contains("AGE-FIRST-TERM  thiếu candidate.gender trong hồ sơ; quy tắc AGE-FIRST-TERM cần trường này — "), "\(vi.stdout)")
    }
}

extension MessageTests {
    /// A `triggers` example that gives no finding shows expected against actual and, for each
    /// element where `when` was false, the values it read and the comparison that was false.
    @Test func aFailingExampleShowsWhatTheRuleRead() throws {
        let folder = try CLIFixtures.folder(["r.yaml": """
            format: rules/1
            examples_as_of: 2025-09-20
            rules:
              - id: DISC-STATE-WARNING-RECENT
                severity: review
                title:
                  en: Recent state warning
                basis: Luật Cán bộ, công chức, Điều 82
                scope: candidate
                for_each:
                  - d in discipline
                when: "d.system == 'state' && d.form == 'warning' && months_between(d.date, as_of) < 6"
                message:
                  en: "state warning of {{ d.date }}"
                examples:
                  triggers:
                    - discipline: [{system: state, form: warning, date: 2024-09-20}]
                  passes:
                    - discipline: [{system: state, form: warning, date: 2023-09-01}]

            """])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["rules", "test", "r.yaml"], cwd: folder)
        #expect(run.code == 1)
        #expect(run.stdout.contains("""
            FAIL DISC-STATE-WARNING-RECENT triggers[0] (r.yaml:17:11)
              expected at least one finding of DISC-STATE-WARNING-RECENT, got none
              - no finding at r.yaml:17:24 discipline[0]: 'when' was false; it read
                  discipline[0].date = 2024-09-20
                  months_between(d.date, as_of) = 12 < 6 → false

            """), "\(run.stdout)")
    }
}
