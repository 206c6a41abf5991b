import Foundation
import Testing
import TestSupport

/// `appraise rules lint` on rule files with one mistake each (`Tests/CLITests/Lint/`): the
/// exact diagnostics (file:line:column, message, code, source line, caret), the summary and
/// the exit code, compared with `<case>.golden` beside each file.
@Suite struct LintGoldenTests {
    static let folder = CLIGolden.folder("Lint")

    /// One case per broken file or folder: `Lint/NAME.yaml` or `Lint/NAME/`.
    static let cases = [
        "yaml-syntax.yaml", "unknown-key.yaml", "missing-when.yaml", "bad-severity.yaml", "duplicate-id",
        "id-convention.yaml", "misspelt-field.yaml", "wrong-type.yaml", "unknown-function.yaml",
        "unknown-variable.yaml", "unknown-param.yaml", "bad-placeholder.yaml", "placeholder-mismatch.yaml",
        "no-triggers.yaml", "no-passes.yaml", "bad-example.yaml", "bad-dated-basis.yaml",
        "policy-without-reason.yaml",
    ]

    @Test(arguments: cases)
    func lintOutputMatchesItsGolden(_ name: String) throws {
        let run = try runAppraise(["rules", "lint", name], cwd: Self.folder)
        let golden = Self.folder.appendingPathComponent(Self.goldenName(name))
        CLIGolden.check(Self.transcript(run), against: golden)
    }

    /// Every case but the warning-only one is an error and exits 2.
    @Test(arguments: cases)
    func lintExitCode(_ name: String) throws {
        let run = try runAppraise(["rules", "lint", name], cwd: Self.folder)
        #expect(run.code == (name == "placeholder-mismatch.yaml" ? 0 : 2), "\(run.stderr)")
    }

    /// Every file in `Lint/` is a case, so a fixture cannot be added and forgotten.
    /// A CEL error's range reaches SARIF (`endLine`/`endColumn`) and JSON (`end_line`/`end_column`):
    /// `dat` of `d.dat` at 11:52, ending before column 55.
    @Test func aLintErrorCarriesItsRange() throws {
        let sarif = try runAppraise(["rules", "lint", "--format", "sarif", "misspelt-field.yaml"], cwd: Self.folder)
        let compact = sarif.stdout.filter { !$0.isWhitespace }
        #expect(compact.contains("\"startLine\":11,\"startColumn\":52,\"endLine\":11,\"endColumn\":55"), "\(sarif.stdout)")
        let json = try runAppraise(["rules", "lint", "--format", "json", "misspelt-field.yaml"], cwd: Self.folder)
        let compactJSON = json.stdout.filter { !$0.isWhitespace }
        #expect(compactJSON.contains("\"line\":11,\"column\":52,\"end_line\":11,\"end_column\":55"), "\(json.stdout)")
    }

    @Test func everyFixtureIsACase() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { !$0.hasSuffix(".golden") }.sorted()
        #expect(names == Self.cases.sorted())
    }

    static func goldenName(_ name: String) -> String {
        (name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name) + ".golden"
    }

    /// Standard error, standard output, then `exit: N`, as a person sees them in a terminal.
    static func transcript(_ run: AppraiseRun) -> String {
        run.stderr + run.stdout + "exit: \(run.code)\n"
    }
}
