import CEL
import Foundation
import Hummingbird
import Server
import Testing
import TestSupport

/// `serve.md`, "Limits", and bad input: every one a 4xx or 503 with a JSON error, the server
/// still answering afterwards.
@Suite struct LimitsTests {
    @Test func bodyOverTheLimitIs413() async throws {
        let harness = try ServerHarness { $0.maxBodyBytes = 100 }
        let response = try await harness.call(
            .post, "/v1/check", body: String(repeating: "a", count: 101), contentType: "application/yaml")
        #expect(response.status == .contentTooLarge)
        #expect(response.errorCode == "http.body-too-large")
        #expect(try await harness.call(.get, "/healthz").status == .ok)
    }

    /// The server spends the evaluation budget of `--max-eval-steps` / `--max-eval-bytes` on each
    /// rule of each request, as `check` does (issue 17): the same report, rule errors included.
    @Test func evaluationBudgetsAreTheCLIs() async throws {
        let file = "candidates/nguyen-van-an.yaml"
        let cli = try runAppraise(["check", file, "--as-of", "2025-09-20", "--format", "json", "--max-eval-steps", "20"])
        #expect(cli.stdout.contains("cost limit: more than 20 evaluation steps"))
        let harness = try ServerHarness { $0.evaluationLimits = EvaluationLimits(maxSteps: 20, maxBytes: EvaluationLimits.default.maxBytes) }
        let response = try await harness.call(
            .post, "/v1/check?as_of=2025-09-20&name=\(file)", body: try packageFile(file), contentType: "application/yaml")
        #expect(response.status == .ok)
        #expect(response.text == cli.stdout)
    }

    @Test(arguments: [nil, "text/plain", "application/json"])
    func wrongContentTypeIs415(contentType: String?) async throws {
        let response = try await ServerHarness().call(.post, "/v1/check", body: "format: dossier/1\n", contentType: contentType)
        #expect(response.status == .unsupportedMediaType)
        #expect(response.errorCode == "http.unsupported-media-type")
    }

    /// The media type is what comes before the first `;`, without the spaces and tabs around
    /// it, in any case; anything else in it is refused.
    @Test(arguments: [
        ("application/yaml", true), ("  Application/YAML ; charset=utf-8", true), ("\ttext/yaml\t", true),
        (";application/x-yaml", true), ("application/ yaml", false), ("application/yaml-x", false), (" ; ", false),
    ])
    func contentTypeIsReadAsAMediaType(contentType: String, accepted: Bool) async throws {
        let response = try await ServerHarness().call(
            .post, "/v1/check?as_of=2025-09-20", body: try packageFile("candidates/vu-thi-mai.yaml"), contentType: contentType)
        #expect(response.status == (accepted ? .ok : .unsupportedMediaType))
    }

    @Test(arguments: ["billion-laughs.yaml", "nul-byte.yaml", "invalid-utf8.yaml", "duplicate-key-depth4.yaml"])
    func hostileYAMLIs422WithALocatedError(file: String) async throws {
        let bytes = try Data(contentsOf: packageRoot().appendingPathComponent("Tests/CLITests/Hostile/\(file)"))
        let app = Application(router: try ServerHarness().server.router())
        let response = try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/check?name=\(file)", method: .post, headers: [.contentType: "application/yaml"],
                body: ByteBuffer(bytes: bytes))
        }
        #expect(response.status == .unprocessableContent)
        let report = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
        let candidate = (report?["candidates"] as? [[String: Any]])?.first
        #expect(candidate?["verdict"] as? String == "invalid")
        let error = (candidate?["errors"] as? [[String: Any]])?.first
        #expect(error?["file"] as? String == file)
        #expect((error?["line"] as? Int ?? 0) >= 1)
    }

    @Test func deepNestingIs422() async throws {
        let deep = "format: dossier/1\nx: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        let response = try await ServerHarness().call(.post, "/v1/check", body: deep, contentType: "application/yaml")
        #expect(response.status == .unprocessableContent)
        #expect(response.text.contains("\"verdict\": \"invalid\""))
    }

    /// A rule that is slow by design (`SlowRules/slow.yaml`, seconds) against a short timeout:
    /// a 503 can only come from the deadline, since the work's own answer would be a 200.
    @Test func pastTheRequestTimeoutIs503() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-slow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: packageRoot().appendingPathComponent("rules"), to: folder)
        try FileManager.default.copyItem(
            at: packageRoot().appendingPathComponent("Tests/ServerTests/SlowRules/slow.yaml"),
            to: folder.appendingPathComponent("slow.yaml"))
        let store = try RuleSetStore(paths: [folder.path], maxFileBytes: 1 << 20)
        let harness = try ServerHarness(store: store) { $0.requestTimeout = 0.3 }
        let response = try await harness.call(
            .post, "/v1/check", body: try packageFile("candidates/vu-thi-mai.yaml"), contentType: "application/yaml")
        #expect(response.status == .serviceUnavailable)
        #expect(response.errorCode == "server.timeout")
    }

    /// A request past `--request-timeout` answers 503 `server.timeout` at the timeout, not when
    /// its work would end, and the cancelled work gives its slot back. A server process of its
    /// own with `--request-timeout 1 --max-concurrent 1`, timed from a thread of its own (see
    /// `SlowServerProcess`): 1,300 dossiers with the slow rule, a work of about ten minutes in a
    /// debug build, so the bounds below tell the timeout from the end of the work.
    @Test func timedOutWorkIsCancelled() async throws {
        let server = try await SlowServerProcess(
            port: 18_900 + Int(getpid() % 100),
            arguments: ["--request-timeout", "1", "--max-concurrent", "1", "--max-body-bytes", String(32 << 20)])
        var dossiers: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: packageRoot().appendingPathComponent("candidates").path)
        where name.hasSuffix(".yaml") && name != "slate.yaml" && name != "decisions.yaml" {
            for copy in 1...100 { dossiers["\(copy)-\(name)"] = try packageFile("candidates/\(name)") }
        }
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["slate": NSNull(), "dossiers": dossiers]), as: UTF8.self)
        let screen = "POST /v1/screen HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        let fast = "format: dossier/1\ncandidate: {id: FAST}\n"
        let check = "POST /v1/check HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Type: application/yaml\r\n"
            + "Content-Length: \(fast.utf8.count)\r\n\r\n" + fast
        let (timedOut, seconds, next) = try await FaultTests.offPool { () throws -> ((status: Int?, answer: String), Double, Int?) in
            let started = Date()
            let timedOut = try FaultTests.RawConnection.exchange(port: server.port, screen)
            let seconds = Date().timeIntervalSince(started)
            // The only slot comes back once the cancelled work stops: until then a check waits
            // its second and is refused with 503 too.
            var next: Int?
            let deadline = Date().addingTimeInterval(60)
            repeat { next = try FaultTests.RawConnection.status(port: server.port, check) } while next == 503 && Date() < deadline
            return (timedOut, seconds, next)
        }
        #expect(timedOut.status == 503)
        #expect(timedOut.answer.contains("\"server.timeout\""), "\(timedOut.answer.prefix(400))")
        #expect(seconds < 60, "the 503 comes at the timeout, not when the work ends")
        #expect(next != nil && next != 503, "the cancelled work gave its slot back")
    }

    /// A request that waits for a slot past `--request-timeout` answers 503 `server.timeout`
    /// (not `server.saturated`) and leaves the queue: with the only waiting place taken by a
    /// forgotten waiter, the next request would be refused at once.
    @Test func waitingPastTheTimeoutIs503AndLeavesTheQueue() async throws {
        let harness = try ServerHarness {
            $0.maxConcurrent = 1
            $0.maxWaiting = 1
            $0.requestTimeout = 0.3
        }
        #expect(await harness.server.limiter.acquire())
        let started = Date()
        let waited = try await harness.call(.post, "/v1/check", body: "format: dossier/1\n", contentType: "application/yaml")
        #expect(waited.status == .serviceUnavailable)
        #expect(waited.errorCode == "server.timeout")
        #expect(Date().timeIntervalSince(started) >= 0.3)
        let again = try await harness.call(.post, "/v1/check", body: "format: dossier/1\n", contentType: "application/yaml")
        #expect(again.errorCode == "server.timeout", "it waited in the queue again rather than being refused")
        #expect(harness.server.limiter.busy == 1)
        harness.server.limiter.release()
        let after = try await harness.call(.post, "/v1/check", body: "format: dossier/1\n", contentType: "application/yaml")
        #expect(after.status == .unprocessableContent)
    }

    @Test func saturationIs503WithRetryAfter() async throws {
        let harness = try ServerHarness {
            $0.maxConcurrent = 1
            $0.maxWaiting = 0
        }
        #expect(await harness.server.limiter.acquire())
        let response = try await harness.call(
            .post, "/v1/check", body: "format: dossier/1\n", contentType: "application/yaml")
        #expect(response.status == .serviceUnavailable)
        #expect(response.errorCode == "server.saturated")
        #expect(response.headers[.retryAfter] == "1")
        harness.server.limiter.release()
        let after = try await harness.call(.post, "/v1/check", body: "format: dossier/1\n", contentType: "application/yaml")
        #expect(after.status == .unprocessableContent)
    }

    @Test(arguments: [
        "/v1/slates/..%2F..%2Fetc%2Fpasswd/report", "/v1/slates/%2Fetc%2Fpasswd/report", "/v1/slates/slate%00/report",
        "/v1/candidates/..%2F..%2Fetc%2Fpasswd", "/v1/candidates/NB%00", "/v1/candidates/..",
        "/v1/slates/../../etc/passwd/report",
    ])
    func pathTraversalIs4xx(path: String) async throws {
        let harness = try ServerHarness()
        let response = try await harness.call(.get, path)
        #expect((400..<500).contains(response.status.code), "\(response.status)")
        #expect(response.errorCode != nil)
        #expect(!response.text.contains("root:"))
        #expect(try await harness.call(.get, "/healthz").status == .ok)
    }

    @Test(arguments: [
        "/v1/check?as_of=2025-02-30", "/v1/check?lang=fr", "/v1/check?explain=maybe", "/v1/check?color=1",
        "/v1/check?lang=en&lang=vi",
    ])
    func badQueryIs400(uri: String) async throws {
        let response = try await ServerHarness().call(.post, uri, body: "format: dossier/1\n", contentType: "application/yaml")
        #expect(response.status == .badRequest)
        #expect(response.errorCode?.hasPrefix("request.") == true)
    }

    @Test(arguments: ["", "{", "[]", #"{"dossiers": 3}"#, #"{"slate": 1, "dossiers": {}}"#])
    func malformedScreenBodyIs400(body: String) async throws {
        let response = try await ServerHarness().call(.post, "/v1/screen", body: body, contentType: "application/json")
        #expect(response.status == .badRequest)
        #expect(response.errorCode == "request.invalid-json")
    }

    @Test func invalidSlateIs422WithLocatedDiagnostics() async throws {
        let body = #"{"slate": "format: slate/1\nslate: {committee: 3}\n", "dossiers": {}}"#
        let response = try await ServerHarness().call(.post, "/v1/screen", body: body, contentType: "application/json")
        #expect(response.status == .unprocessableContent)
        #expect(response.errorCode == "input.invalid-slate")
        #expect(response.text.contains("\"file\": \"slate.yaml\""))
    }
}
