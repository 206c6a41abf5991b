import Foundation
import Testing
import TestSupport

/// `appraise eval --input`: a dossier typed by the schema, a plain mapping of variables, and
/// the inputs it refuses.
@Suite struct EvalInputTests {
    static func scratch(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eval-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func aDossierIsTypedByTheSchema() throws {
        let run = try runAppraise([
            "eval", "--format", "json", "--as-of", "2025-09-20", "--input", "candidates/hoang-van-duc.yaml",
            "discipline.filter(d, d.date <= as_of && !d.revoked).map(d, months_between(d.date, as_of))",
        ])
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout == "{\"type\": \"list\", \"value\": [8]}\n")
    }

    @Test func paramsAndVndComeFromTheRuleSet() throws {
        let run = try runAppraise(["eval", "--as-of", "2026-08-01", "--lang", "vi", "vnd(params.supplementary_increase_vnd)"])
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout == "\"1.000.000.000 ₫\"\n")
    }

    @Test func aPlainMappingBindsItsKeys() throws {
        let folder = try Self.scratch(["vars.yaml": "n: 3\nxs: [1, 2]\nd: 2025-01-31\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runAppraise(["eval", "--input", "vars.yaml", "n + size(xs) == 5 && add_months(d, 1) == date('2025-02-28')"], cwd: folder)
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout == "true\n")
    }

    @Test func anInvalidDossierIsReportedAndExits2() throws {
        let run = try runAppraise(["eval", "--input", "candidates/invalid/nguyen-thi-loi.yaml", "candidate.name"])
        #expect(run.code == 2)
        #expect(run.stderr.contains(
            "candidates/invalid/nguyen-thi-loi.yaml:13:15: error: invalid date '1979-02-30' for candidate.birth_date"))
        #expect(run.stderr.contains("candidates/invalid/nguyen-thi-loi.yaml: error: the file is not valid (see above)"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aListIsNotAnInput() throws {
        let folder = try Self.scratch(["list.yaml": "- 1\n- 2\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runAppraise(["eval", "--input", "list.yaml", "1"], cwd: folder)
        #expect(run.code == 2)
        #expect(run.stderr == "error: --input list.yaml must be a dossier or a YAML mapping of variables\n")
    }

    @Test func aMissingInputExits2() throws {
        let run = try runAppraise(["eval", "--input", "candidates/nobody.yaml", "1"])
        #expect(run.code == 2)
        #expect(run.stderr.hasPrefix("candidates/nobody.yaml: error: "))
    }
}
