import Foundation
import Hummingbird
import Screening
import Server
import Testing
import TestSupport

/// The documents the API serves, and the rule set kept in memory across edits.
@Suite struct APITests {
    @Test func openAPIIsTheCommittedDocument() async throws {
        let response = try await ServerHarness().call(.get, "/v1/openapi.json")
        #expect(response.status == .ok)
        #expect(response.text == (try packageFile("docs/openapi.json")))
        let document = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
        #expect(document?["openapi"] as? String == "3.1.0")
        let paths = Set((document?["paths"] as? [String: Any])?.keys.map { $0 } ?? [])
        for path in SecurityTests.endpoints.map(\.path) {
            let templated = path.replacingOccurrences(of: "/slates/slate/", with: "/slates/{slate}/")
                .replacingOccurrences(of: "/candidates/NB-2025-006", with: "/candidates/{id}")
            #expect(paths.contains(templated), "\(templated) is not documented")
        }
    }

    @Test func rulesAndSchemaAreWhatTheCLIPrints() async throws {
        let harness = try ServerHarness()
        for (path, arguments) in [
            ("/v1/rules", ["rules", "list", "--format", "json"]), ("/v1/rules?lang=vi", ["rules", "list", "--format", "json", "--lang", "vi"]),
            ("/v1/schema", ["schema", "--json-schema"]),
        ] {
            let cli = try runAppraise(arguments)
            let response = try await harness.call(.get, path)
            #expect(response.status == .ok)
            #expect(response.text == cli.stdout, "\(path)")
        }
    }

    @Test func healthAndVersion() async throws {
        let harness = try ServerHarness()
        #expect(try await harness.call(.get, "/healthz").text == "{\"status\": \"ok\"}\n")
        let version = try JSONSerialization.jsonObject(with: Data(try await harness.call(.get, "/v1/version").body.readableBytesView))
            as? [String: Any]
        #expect((version?["rules"] as? [String: Any])?["count"] as? Int == 33)
        #expect((version?["reload"] as? [String: Any])?["ok"] as? Bool == true)
    }

    @Test func workspaceListsTheSlateWithItsCounts() async throws {
        let response = try await ServerHarness().call(.get, "/v1/slates")
        let slates = (try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])?["slates"] as? [[String: Any]]
        #expect(slates?.count == 1)
        #expect(slates?.first?["name"] as? String == "slate")
        #expect(slates?.first?["candidates"] as? Int == 19)
    }

    @Test func candidateHasItsTextAndEntry() async throws {
        let response = try await ServerHarness().call(.get, "/v1/candidates/NB-2025-006")
        #expect(response.status == .ok)
        let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
        #expect((object?["file"] as? String)?.hasSuffix("vu-thi-mai.yaml") == true)
        #expect(object?["text"] as? String == (try packageFile("candidates/vu-thi-mai.yaml")))
        #expect((object?["entry"] as? [String: Any])?["id"] as? String == "NB-2025-006")
        #expect(try await ServerHarness().call(.get, "/v1/candidates/NO-SUCH").status == .notFound)
    }

    /// A broken edit keeps the last good rule set and says why; a fix is taken.
    @Test func brokenEditKeepsTheLastGoodRules() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-rules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: packageRoot().appendingPathComponent("rules"), to: folder)
        let store = try RuleSetStore(paths: [folder.path], maxFileBytes: 1 << 20)
        let harness = try ServerHarness(store: store)
        let file = folder.appendingPathComponent("family.yaml")
        let good = try Data(contentsOf: file)
        // An expression that does not parse: a rule error, so the rule set is not taken.
        let broken = String(decoding: good, as: UTF8.self).replacingOccurrences(of: "    when: >\n", with: "    when: >\n      1 +\n")
        try Data(broken.utf8).write(to: file)
        let reason = store.reloadIfChanged()
        #expect(reason != nil)
        let version = try await harness.call(.get, "/v1/version").text
        #expect(version.contains("\"ok\": false"))
        #expect(version.contains("\"count\": 33"))
        let check = try await harness.call(
            .post, "/v1/check?as_of=2025-09-20", body: try packageFile("candidates/vu-thi-mai.yaml"),
            contentType: "application/yaml")
        #expect(check.status == .ok)
        try good.write(to: file)
        // The same bytes again, with a new modification time: a reload that succeeds.
        #expect(store.reloadIfChanged() == nil)
        #expect(try await harness.call(.get, "/v1/version").text.contains("\"ok\": true"))
    }

    /// A rule file that is not YAML at all, or a new file that is not a rule file, is an error
    /// of the rule folder (issue 17), not a file silently skipped: the last good set stays.
    @Test(arguments: ["family.yaml", "added.yaml"])
    func brokenYAMLKeepsTheLastGoodRules(file name: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-rules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: packageRoot().appendingPathComponent("rules"), to: folder)
        let store = try RuleSetStore(paths: [folder.path], maxFileBytes: 1 << 20)
        let harness = try ServerHarness(store: store)
        let before = try await harness.call(.get, "/v1/version").text
        let file = folder.appendingPathComponent(name)
        try Data("rules:\n  - id: [unclosed\n    severity: review\n".utf8).write(to: file)
        let reason = try #require(store.reloadIfChanged())
        #expect(reason.contains(name))
        let version = try await harness.call(.get, "/v1/version").text
        #expect(version.contains("\"ok\": false"))
        // Same rule count and digest as before the edit: the broken file changed nothing.
        let rules = { (text: String) in
            ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any])?["rules"] as? [String: Any]
        }
        #expect(rules(version)?["digest"] as? String == rules(before)?["digest"] as? String)
        #expect(rules(version)?["count"] as? Int == rules(before)?["count"] as? Int)
        let check = try await harness.call(
            .post, "/v1/check?as_of=2025-09-20", body: try packageFile("candidates/vu-thi-mai.yaml"),
            contentType: "application/yaml")
        #expect(check.status == .ok)
    }

    /// `decisions` of `POST /v1/screen` (decisions.md): a valid file clears the finding it names,
    /// as `--decisions` does; an invalid one answers 422 with located diagnostics and clears nothing.
    @Test func screenAppliesTheRequestDecisions() async throws {
        let dossier = try packageFile("candidates/do-quang-thuan.yaml")
        func screen(_ decisions: [String]) async throws -> (code: Int, text: String) {
            let body: [String: Any] = ["dossiers": ["do-quang-thuan.yaml": dossier], "decisions": decisions]
            let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
            let response = try await ServerHarness().call(
                .post, "/v1/screen?as_of=2025-09-20", body: json, contentType: "application/json")
            return (response.status.code, response.text)
        }
        let plain = try await screen([])
        #expect(plain.code == 200)
        #expect(!plain.text.contains("\"status\": \"cleared\""))
        let reviewed = try await screen([try packageFile("candidates/decisions.yaml")])
        #expect(reviewed.code == 200)
        #expect(reviewed.text.contains("\"status\": \"cleared\""))
        #expect(reviewed.text.contains("\"decisions\""))
        let invalid = try await screen(["format: decisions/1\ndecisions:\n  - candidate: NB-2025-009\n    outcome: maybe\n"])
        #expect(invalid.code == 422)
        #expect(invalid.text.contains("input.invalid-decisions"))
        #expect(invalid.text.contains("decisions.yaml"))
    }
}
