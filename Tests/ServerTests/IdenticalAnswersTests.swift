import Foundation
import Testing
import TestSupport

/// The server answers byte for byte what `appraise check/screen --format json` prints: one
/// library, two front ends.
@Suite struct IdenticalAnswersTests {
    static let dossiers: [String] = {
        let folder = packageRoot().appendingPathComponent("candidates")
        let top = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let invalid = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("invalid").path)) ?? []
        return (top.map { "candidates/\($0)" } + invalid.map { "candidates/invalid/\($0)" })
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix("/slate.yaml") && !$0.hasSuffix("/decisions.yaml") }.sorted()
    }()

    @Test func everyShippedDossierIsChecked() {
        #expect(Self.dossiers.count >= 20)
    }

    @Test(arguments: dossiers)
    func checkAnswersWhatTheCLIPrints(file: String) async throws {
        let cli = try runAppraise(["check", file, "--as-of", "2025-09-20", "--format", "json"])
        let response = try await ServerHarness().call(
            .post, "/v1/check?as_of=2025-09-20&name=\(file)", body: try packageFile(file), contentType: "application/yaml")
        #expect(response.text == cli.stdout)
        // Exit 2 (an invalid dossier) is 422; 0 and 1 are 200.
        #expect(response.status.code == (cli.code == 2 ? 422 : 200))
    }

    /// One server, one dossier, dates and languages taking turns: each answer is the CLI's for
    /// that date and language, so the setups the server keeps per rule set (`CheckSetupCache`)
    /// never answer with another request's date or language.
    @Test func checksWithOtherDatesAndLanguagesAnswerWhatTheCLIPrints() async throws {
        let file = "candidates/vu-thi-mai.yaml"
        let harness = try ServerHarness()
        for (asOf, lang) in [("2025-09-20", "en"), ("2023-01-01", "en"), ("2025-09-20", "vi"), ("2025-09-20", "en")] {
            let cli = try runAppraise(["check", file, "--as-of", asOf, "--lang", lang, "--format", "json"])
            let response = try await harness.call(
                .post, "/v1/check?as_of=\(asOf)&lang=\(lang)&name=\(file)", body: try packageFile(file),
                contentType: "application/yaml")
            #expect(response.text == cli.stdout, "as_of \(asOf), lang \(lang)")
        }
    }

    /// More dates than the server keeps setups for (32, `CheckSetupCache.capacity`): the cache
    /// starts again, and the answers after it — a new date, and the first date again — are
    /// still the CLI's for their date.
    @Test func checksPastTheSetupCacheCapacityAnswerWhatTheCLIPrints() async throws {
        let file = "candidates/vu-thi-mai.yaml"
        let harness = try ServerHarness()
        let dates = (1...28).map { "2024-01-\($0 < 10 ? "0" : "")\($0)" } + (1...6).map { "2024-02-0\($0)" }
        var answers: [String: String] = [:]
        for asOf in dates + [dates[0]] {
            let response = try await harness.call(
                .post, "/v1/check?as_of=\(asOf)&name=\(file)", body: try packageFile(file), contentType: "application/yaml")
            answers[asOf] = response.text
        }
        for asOf in [dates[0], dates[dates.count - 1]] {
            let cli = try runAppraise(["check", file, "--as-of", asOf, "--format", "json"])
            #expect(answers[asOf] == cli.stdout, "as_of \(asOf)")
        }
    }

    @Test(arguments: ["json", "sarif", "csv", "html", "markdown", "jsonl"])
    func screenAnswersWhatTheCLIPrints(format: String) async throws {
        let folder = packageRoot().appendingPathComponent("candidates")
        let cli = try runAppraise(["screen", "slate.yaml", "--format", format, "--lang", "vi"], cwd: folder)
        var dossiers: [String: String] = [:]
        for file in Self.dossiers {
            dossiers[String(file.dropFirst("candidates/".count))] = try packageFile(file)
        }
        // The slate names decisions.yaml (`decisions:`), which the request carries as its one text.
        let body: [String: Any] = [
            "slate": try packageFile("candidates/slate.yaml"), "dossiers": dossiers,
            "decisions": [try packageFile("candidates/decisions.yaml")],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let response = try await ServerHarness().call(
            .post, "/v1/screen?format=\(format)&lang=vi", body: json, contentType: "application/json")
        #expect(response.status == .ok)
        #expect(response.text == cli.stdout)
    }

    @Test func workspaceReportIsTheScreenReport() async throws {
        let cli = try runAppraise(["screen", "candidates/slate.yaml", "--format", "json"])
        let harness = try ServerHarness { $0.workspace = "candidates" }
        let response = try await harness.call(.get, "/v1/slates/slate/report")
        #expect(response.status == .ok)
        #expect(response.text == cli.stdout)
    }
}
