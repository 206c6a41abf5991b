import Foundation
import Testing
import TestSupport

/// Issue 20, "an installed binary works": the shipped rule set is built into the executable,
/// so a copy in a folder with no `rules/` anywhere above it screens the slate exactly as the
/// checkout does, and `rules export` writes out the same files `rules/` holds.
@Suite struct InstalledBinaryTests {
    /// The built executable copied alone into a fresh temporary folder.
    static func installedCopy() throws -> (folder: URL, binary: URL) {
        let built = try #require(appraiseExecutable())
        let folder = try CLIFixtures.folder(["work/.keep": ""])
        let binary = folder.appendingPathComponent("bin/appraise")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: built, to: binary)
        return (folder, binary)
    }

    /// Runs the copy in `cwd`.
    static func run(_ binary: URL, _ arguments: [String], cwd: URL) throws -> AppraiseRun {
        try runAppraise(arguments, cwd: cwd, binary: binary)
    }

    @Test func aCopyElsewhereScreensTheSlateAsTheCheckoutDoes() throws {
        let (folder, binary) = try Self.installedCopy()
        defer { CLIFixtures.remove(folder) }
        let slate = CLIFixtures.root.appendingPathComponent("candidates/slate.yaml").path
        let arguments = ["screen", slate, "--format", "json"]
        let installed = try Self.run(binary, arguments, cwd: folder.appendingPathComponent("work"))
        let checkout = try runAppraise(arguments)
        #expect(installed.code == 1, "\(installed.stderr)")
        #expect(installed.stderr == checkout.stderr)
        // A run-time rule error names its rule file as the digest does, wherever it was read from.
        #expect(installed.stdout.contains("at age-and-posts.yaml:"))
        #expect(installed.stdout == checkout.stdout, "same rules digest, same verdicts, same bytes")
        let rules = try #require(try CLIFixtures.object(installed.stdout)["rules"] as? [String: Any])
        #expect(rules["sources"] as? [String] == ["shipped"])
    }

    @Test func exportWritesTheFilesOfRulesAndTheSameDigest() throws {
        let (folder, binary) = try Self.installedCopy()
        defer { CLIFixtures.remove(folder) }
        let work = folder.appendingPathComponent("work")
        let export = try Self.run(binary, ["rules", "export", "my-rules"], cwd: work)
        #expect(export.code == 0, "\(export.stderr)")
        let shipped = CLIFixtures.root.appendingPathComponent("rules")
        let names = try #require(FileManager.default.subpaths(atPath: shipped.path)).filter { $0.hasSuffix(".yaml") }.sorted()
        let exported = try #require(FileManager.default.subpaths(atPath: work.appendingPathComponent("my-rules").path))
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(exported == names, "the built-in set is rules/ as it is now: rebuild after editing rules/")
        for name in names {
            let original = try Data(contentsOf: shipped.appendingPathComponent(name))
            let copy = try Data(contentsOf: work.appendingPathComponent("my-rules/\(name)"))
            #expect(original == copy, "\(name) differs from the built-in copy")
        }
        let dossier = CLIFixtures.root.appendingPathComponent("candidates/hoang-van-duc.yaml").path
        let digests = try [["--rules", "my-rules"], []].map { rules in
            let run = try Self.run(binary, ["check", "--format", "json", "--as-of", "2025-09-20", dossier] + rules, cwd: work)
            return (try CLIFixtures.object(run.stdout)["rules"] as? [String: Any])?["digest"] as? String
        }
        #expect(digests[0] != nil && digests[0] == digests[1])
        let again = try Self.run(binary, ["rules", "export", "my-rules"], cwd: work)
        #expect(again.code == 2)
        #expect(again.stderr.contains("the folder is not empty; nothing was written"))
    }

    @Test func withoutRulesFolderTheNoteSaysHowToExportThem() throws {
        let (folder, binary) = try Self.installedCopy()
        defer { CLIFixtures.remove(folder) }
        let rule = CLIFixtures.root.appendingPathComponent("rules/discipline.yaml").path
        let dossier = CLIFixtures.root.appendingPathComponent("candidates/hoang-van-duc.yaml").path
        let run = try Self.run(binary, ["check", "--rules", rule, "--as-of", "2025-09-20", dossier], cwd: folder)
        #expect(run.stdout.contains("write them out with `appraise rules export DIR` and add --rules DIR"), "\(run.stdout)")
    }
}
