import Foundation
import HTTPTypes
import Hummingbird
import RuleEngine
import Screening
import Server
import Testing
import TestSupport

/// `serve.md`, "Security model": loopback by default, tokens and roles, the audit log, headers.
@Suite struct SecurityTests {
    /// Every endpoint with a valid request, and the role it needs.
    struct Endpoint: Sendable, CustomTestStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var body: String?
        var contentType: String?
        var role: Role = .viewer
        var testDescription: String { "\(method) \(path)" }
    }

    static let endpoints: [Endpoint] = [
        Endpoint(method: .get, path: "/healthz"),
        Endpoint(method: .get, path: "/v1/version"),
        Endpoint(method: .get, path: "/v1/openapi.json"),
        Endpoint(method: .get, path: "/v1/rules"),
        Endpoint(method: .get, path: "/v1/schema"),
        Endpoint(method: .post, path: "/v1/check", body: "format: dossier/1\n", contentType: "application/yaml"),
        Endpoint(method: .post, path: "/v1/screen", body: #"{"slate": null, "dossiers": {}}"#, contentType: "application/json"),
        Endpoint(method: .get, path: "/v1/slates"),
        Endpoint(method: .get, path: "/v1/slates/slate/report"),
        Endpoint(method: .get, path: "/v1/candidates/NB-2025-006"),
        Endpoint(method: .post, path: "/v1/playground", body: #"{"rules": "format: rules/1\nrules: []\n"}"#, contentType: "application/json", role: .author),
        // An empty decision: refused (400) before anything is written, whoever sends it.
        Endpoint(method: .post, path: "/v1/decisions", body: "{}", contentType: "application/json", role: .reviewer),
    ]

    static func withTokens() throws -> ServerHarness {
        try ServerHarness { $0.tokens = ServerHarness.tokenStore }
    }

    @Test(arguments: endpoints)
    func noTokenIs401(endpoint: Endpoint) async throws {
        let response = try await Self.withTokens().call(
            endpoint.method, endpoint.path, body: endpoint.body, contentType: endpoint.contentType)
        #expect(response.status == .unauthorized)
        #expect(response.errorCode == "auth.missing-token")
        #expect(response.headers[.wwwAuthenticate] == "Bearer")
    }

    @Test(arguments: endpoints)
    func wrongTokenIs401(endpoint: Endpoint) async throws {
        let response = try await Self.withTokens().call(
            endpoint.method, endpoint.path, body: endpoint.body, contentType: endpoint.contentType, token: "viewer-token!")
        #expect(response.status == .unauthorized)
        #expect(response.errorCode == "auth.invalid-token")
    }

    @Test(arguments: endpoints, Role.allCases)
    func eachRoleMayOrMayNot(endpoint: Endpoint, role: Role) async throws {
        let token = ServerHarness.tokens.first { $0.value == role }!.key
        let response = try await Self.withTokens().call(
            endpoint.method, endpoint.path, body: endpoint.body, contentType: endpoint.contentType, token: token)
        if role.allows(endpoint.role) {
            #expect(response.status != .unauthorized && response.status != .forbidden, "\(response.text)")
            #expect(response.status.code < 500)
        } else {
            #expect(response.status == .forbidden)
        }
    }

    @Test func rolesFollowTheSpec() {
        #expect(Role.viewer.allows(.viewer) && !Role.viewer.allows(.reviewer) && !Role.viewer.allows(.author))
        #expect(Role.reviewer.allows(.viewer) && Role.reviewer.allows(.reviewer) && !Role.reviewer.allows(.author))
        #expect(Role.author.allows(.viewer) && Role.author.allows(.author) && !Role.author.allows(.reviewer))
    }

    @Test func anotherHostWithoutTokensIsRefused() throws {
        #expect(throws: CLIError.self) { try ServerHarness { $0.host = "0.0.0.0" } }
        _ = try ServerHarness {
            $0.host = "0.0.0.0"
            $0.tokens = ServerHarness.tokenStore
        }
        _ = try ServerHarness { $0.host = "127.0.0.1" }
    }

    @Test func theCommandRefusesToStartOnAnotherHostWithoutTokens() throws {
        let run = try runAppraise(["serve", "--host", "0.0.0.0", "--port", "18799"], timeout: 60)
        #expect(run.code == 2)
        #expect(run.stderr.contains("without --tokens"))
    }

    @Test func tokensFileIsReadWithLocatedErrors() {
        let good = """
            tokens:
              - {name: hr-system, sha256: \(String(repeating: "ab", count: 32)), role: viewer}
            """
        let (store, diagnostics) = TokenStore.parse(bytes: Array(good.utf8), file: "tokens.yaml")
        #expect(store?.entries.map(\.name) == ["hr-system"] && diagnostics.isEmpty)
        let bad = "tokens:\n  - {name: a, sha256: abc, role: viewer}\n  - {name: b, sha256: \(String(repeating: "0", count: 64)), role: admin}\n"
        let (none, problems) = TokenStore.parse(bytes: Array(bad.utf8), file: "tokens.yaml")
        #expect(none == nil)
        #expect(problems.map(\.path) == ["tokens[0].sha256", "tokens[1].role"])
        #expect(problems.map { $0.location?.line } == [2, 3])
    }

    @Test func securityHeadersOnEveryAnswer() async throws {
        let harness = try ServerHarness()
        for path in ["/healthz", "/no-such-endpoint", "/v1/rules?unknown=1"] {
            let response = try await harness.call(.get, path)
            #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test func auditLogHasDigestsAndNoDossierContent() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-audit-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let harness = try ServerHarness {
            $0.tokens = ServerHarness.tokenStore
            $0.auditLogPath = log.path
        }
        let dossier = try packageFile("candidates/vu-thi-mai.yaml")
        let response = try await harness.call(
            .post, "/v1/check?as_of=2025-09-20", body: dossier, contentType: "application/yaml", token: "reviewer-token")
        #expect(response.status == .ok)
        _ = try await harness.call(.get, "/v1/rules")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["token"] as? String == "reviewer")
        #expect(first?["method"] as? String == "POST")
        #expect(first?["path"] as? String == "/v1/check")
        #expect(first?["status"] as? Int == 200)
        #expect(first?["input_sha256"] as? String == sha256Digest(Array(dossier.utf8)))
        #expect((first?["result_sha256"] as? String)?.hasPrefix("sha256:") == true)
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect(second?["status"] as? Int == 401)
        let text = try String(contentsOf: log, encoding: .utf8)
        for secret in ["Vũ Thị Mai", "NB-2025-006", "citizen_id"] { #expect(!text.contains(secret)) }
    }
}
