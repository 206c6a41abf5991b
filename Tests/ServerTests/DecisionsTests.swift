#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Hummingbird
import HummingbirdTesting
import Screening
import Server
import Testing
import TestSupport

/// `POST /v1/decisions` (`docs/serve.md`): a decision checked against the finding as the report
/// shows it, appended to the slate's decisions file (old text byte for byte), seen by the next
/// report; every refusal a 4xx naming the field that leaves the file as it was.
@Suite struct DecisionsTests {
    /// A server over a temporary copy of `candidates/`, so that the shipped files never change.
    struct Workspace {
        let folder: URL
        let harness: ServerHarness
        var decisionsFile: URL { folder.appendingPathComponent("decisions.yaml") }

        init(at parent: URL? = nil, configure: (inout ServerOptions) -> Void = { _ in }) throws {
            let base = parent ?? FileManager.default.temporaryDirectory.appendingPathComponent("appraise-ws-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            folder = base.appendingPathComponent("candidates")
            try FileManager.default.copyItem(at: packageRoot().appendingPathComponent("candidates"), to: folder)
            let path = folder.path
            harness = try ServerHarness {
                $0.workspace = path
                $0.maxConcurrent = 8
                configure(&$0)
            }
        }

        func remove() { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }

        func report() async throws -> [String: Any] {
            let token = harness.server.options.tokens == nil ? nil : "viewer-token"
            let response = try await harness.call(.get, "/v1/slates/slate/report", token: token)
            #expect(response.status == .ok)
            return try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any] ?? [:]
        }

        /// Every finding of the report with its candidate (nil for a slate finding).
        func findings() async throws -> [(candidate: [String: Any]?, finding: [String: Any])] {
            let report = try await report()
            var all: [(candidate: [String: Any]?, finding: [String: Any])] = []
            for candidate in report["candidates"] as? [[String: Any]] ?? [] {
                for finding in candidate["findings"] as? [[String: Any]] ?? [] { all.append((candidate, finding)) }
            }
            for finding in (report["slate"] as? [String: Any])?["findings"] as? [[String: Any]] ?? [] { all.append((nil, finding)) }
            return all
        }

        func finding(_ candidate: String, _ rule: String) async throws -> [String: Any] {
            try #require(try await findings().first { $0.candidate?["id"] as? String == candidate && $0.finding["rule"] as? String == rule }).finding
        }

        func post(_ body: [String: Any], token: String? = nil) async throws -> TestResponse {
            try await post(text: String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self), token: token)
        }

        func post(text: String, token: String? = nil) async throws -> TestResponse {
            try await harness.call(.post, "/v1/decisions", body: text, contentType: "application/json", token: token)
        }
    }

    /// The body of a decision on `finding` (of `candidate`, or a slate finding when nil).
    static func body(
        for finding: [String: Any], candidate: String?, outcome: String = "cleared", changes: [String: Any?] = [:]
    ) -> [String: Any] {
        var body: [String: Any] = [
            "slate": "slate", "rule": finding["rule"]!, "at": (finding["location"] as! [String: Any])["path"]!,
            "content": (finding["fingerprint"] as! [String: Any])["content"]!, "outcome": outcome,
            "reason": "Đã xác minh với cơ quan có thẩm quyền.", "decided_on": "2025-09-01",
            "decided_by": "Ban Tổ chức Tỉnh ủy",
        ]
        if let candidate { body["candidate"] = candidate } else { body["involved"] = finding["involved"]! }
        for (key, value) in changes { body[key] = value }
        return body
    }

    static func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]) ?? [:]
    }

    /// The `path` of each diagnostic of an error answer.
    static func paths(_ response: TestResponse) -> [String] {
        ((json(response)["error"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
    }

    @Test func clearedIsWrittenAndTheReportClearsTheFinding() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let before = try Data(contentsOf: workspace.decisionsFile)
        let finding = try await workspace.finding("NB-2025-007", "DISC-DISMISSED")
        #expect(finding["status"] as? String == "open")
        let response = try await workspace.post(Self.body(for: finding, candidate: "NB-2025-007", changes: [
            "reference": "Biên bản số 7", "expires": "2026-09-01", "reason": "Dòng một.\nDòng \"hai\": xong.",
        ]))
        #expect(response.status == .created, "\(response.text)")
        let answer = Self.json(response)
        #expect(answer["file"] as? String == workspace.decisionsFile.path)
        let decision = answer["decision"] as? [String: Any]
        #expect(decision?["decided_by"] as? String == "Ban Tổ chức Tỉnh ủy")
        #expect(decision?["reason"] as? String == "Dòng một.\nDòng \"hai\": xong.")
        #expect((decision?["evidence"] as? [[String: Any]])?.isEmpty == false)
        // The old text is kept byte for byte; the entry starts at the line the answer names.
        let after = try Data(contentsOf: workspace.decisionsFile)
        #expect(after.prefix(before.count) == before)
        let lines = String(decoding: after, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[(answer["line"] as? Int ?? 1) - 1] == "  - candidate: \"NB-2025-007\"")
        let now = try await workspace.finding("NB-2025-007", "DISC-DISMISSED")
        #expect(now["status"] as? String == "cleared")
        #expect((now["decision"] as? [String: Any])?["reason"] as? String == "Dòng một.\nDòng \"hai\": xong.")
        let candidate = try await workspace.findings().first { $0.candidate?["id"] as? String == "NB-2025-007" }?.candidate
        #expect(candidate?["verdict"] as? String == "eligible")
    }

    @Test func upheldKeepsTheVerdictAndSlateFindingsTakeInvolved() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let finding = try await workspace.finding("NB-2025-010", "COMPLAINT-PENDING")
        let response = try await workspace.post(Self.body(for: finding, candidate: "NB-2025-010", outcome: "upheld"))
        #expect(response.status == .created, "\(response.text)")
        #expect(try await workspace.finding("NB-2025-010", "COMPLAINT-PENDING")["status"] as? String == "upheld")
        let candidate = try await workspace.findings().first { $0.candidate?["id"] as? String == "NB-2025-010" }?.candidate
        #expect(candidate?["verdict"] as? String == "review")
        let slate = try #require(try await workspace.findings().first { $0.finding["rule"] as? String == "SLATE-DUPLICATE-PERSON" })
        let slateResponse = try await workspace.post(Self.body(for: slate.finding, candidate: nil, outcome: "upheld"))
        #expect(slateResponse.status == .created, "\(slateResponse.text)")
        let now = try #require(try await workspace.findings().first { $0.finding["rule"] as? String == "SLATE-DUPLICATE-PERSON" })
        #expect(now.finding["status"] as? String == "upheld")
    }

    /// A refusal: its status, its code, the field its diagnostic names.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var candidate = "NB-2025-007"
        var rule = "DISC-DISMISSED"
        var changes: [String: String?] = [:]
        var status: Int
        var code: String
        var path: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "blank reason", changes: ["reason": "  \n"], status: 400, code: "decision.invalid-field", path: "reason"),
        Refusal(name: "no reason", changes: ["reason": nil], status: 400, code: "decision.invalid-field", path: "reason"),
        Refusal(name: "bad date", changes: ["decided_on": "2025-02-30"], status: 400, code: "decision.invalid-field", path: "decided_on"),
        Refusal(name: "bad expiry", changes: ["expires": "next year"], status: 400, code: "decision.invalid-field", path: "expires"),
        Refusal(
            name: "expires before decided", changes: ["expires": "2025-09-01"], status: 400, code: "decision.invalid-field",
            path: "expires"),
        Refusal(name: "bad outcome", changes: ["outcome": "waived"], status: 400, code: "decision.invalid-field", path: "outcome"),
        Refusal(name: "bad content", changes: ["content": "abc"], status: 400, code: "decision.invalid-field", path: "content"),
        Refusal(name: "unknown field", changes: ["color": "red"], status: 400, code: "decision.invalid-field", path: "color"),
        Refusal(name: "no decided_by", changes: ["decided_by": nil], status: 400, code: "decision.invalid-field", path: "decided_by"),
        Refusal(name: "unknown slate", changes: ["slate": "../../etc/passwd"], status: 422, code: "decision.unknown-slate", path: "slate"),
        Refusal(name: "unknown candidate", changes: ["candidate": "NB-1999-001"], status: 422, code: "decision.unknown-candidate", path: "candidate"),
        Refusal(name: "unknown rule", changes: ["rule": "NO-SUCH-RULE"], status: 422, code: "decision.unknown-rule", path: "rule"),
        Refusal(name: "no such finding", changes: ["at": "discipline[7]"], status: 422, code: "decision.no-such-finding", path: "at"),
        Refusal(
            name: "content changed", changes: ["content": "sha256:" + String(repeating: "0", count: 64)], status: 409,
            code: "decision.content-changed", path: "content"),
        Refusal(name: "disqualify rule", candidate: "NB-2025-006", rule: "DISC-PARTY-BAR", status: 422, code: "decision.disqualify", path: "rule"),
    ]

    @Test(arguments: refusals)
    func refusalNamesTheFieldAndLeavesTheFile(refusal: Refusal) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let before = try Data(contentsOf: workspace.decisionsFile)
        let finding = try await workspace.finding(refusal.candidate, refusal.rule)
        var body = Self.body(for: finding, candidate: refusal.candidate)
        for (key, value) in refusal.changes { body[key] = value }
        let response = try await workspace.post(body)
        #expect(response.status.code == refusal.status, "\(response.text)")
        #expect(response.errorCode == refusal.code)
        #expect(Self.paths(response).contains(refusal.path), "\(response.text)")
        #expect(try Data(contentsOf: workspace.decisionsFile) == before)
    }

    /// A rule error cannot be decided: every rule fails under a budget of 3 steps.
    @Test func errorFindingIs422() async throws {
        let workspace = try Workspace { $0.evaluationLimits.maxSteps = 3 }
        defer { workspace.remove() }
        let finding = try await workspace.finding("NB-2025-007", "DISC-DISMISSED")
        #expect(finding["severity"] as? String == "error")
        let response = try await workspace.post(Self.body(for: finding, candidate: "NB-2025-007"))
        #expect(response.status == .unprocessableContent)
        #expect(response.errorCode == "decision.error-finding")
        #expect(Self.paths(response) == ["at"])
    }

    @Test func aSecondDecisionForTheFindingIs409() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let finding = try await workspace.finding("NB-2025-004", "VERIF-UNEXPLAINED")
        #expect(try await workspace.post(Self.body(for: finding, candidate: "NB-2025-004")).status == .created)
        let after = try Data(contentsOf: workspace.decisionsFile)
        let again = try await workspace.post(Self.body(for: finding, candidate: "NB-2025-004", outcome: "upheld"))
        #expect(again.status == .conflict)
        #expect(again.errorCode == "decision.duplicate")
        #expect(try Data(contentsOf: workspace.decisionsFile) == after)
    }

    @Test func aSlateWithoutADecisionsFileIs409() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let slate = workspace.folder.appendingPathComponent("slate.yaml")
        let text = try String(contentsOf: slate, encoding: .utf8)
        try text.replacingOccurrences(of: "decisions:\n  - decisions.yaml\n", with: "").write(to: slate, atomically: true, encoding: .utf8)
        let finding = try await workspace.finding("NB-2025-007", "DISC-DISMISSED")
        let response = try await workspace.post(Self.body(for: finding, candidate: "NB-2025-007"))
        #expect(response.status == .conflict)
        #expect(response.errorCode == "decision.no-decisions-file")
        #expect(try String(contentsOf: slate, encoding: .utf8) != text)
    }

    /// An empty `decisions: []` takes its first entry.
    @Test func anEmptyDecisionsListTakesTheFirstEntry() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try "# Kết luận thẩm tra\nformat: decisions/1\ndecisions: []   # none yet\n".write(
            to: workspace.decisionsFile, atomically: true, encoding: .utf8)
        let finding = try await workspace.finding("NB-2025-007", "DISC-DISMISSED")
        let response = try await workspace.post(Self.body(for: finding, candidate: "NB-2025-007"))
        #expect(response.status == .created, "\(response.text)")
        let text = try String(contentsOf: workspace.decisionsFile, encoding: .utf8)
        #expect(text.hasPrefix("# Kết luận thẩm tra\nformat: decisions/1\ndecisions:   # none yet\n  - candidate: \"NB-2025-007\"\n"))
        #expect(try await workspace.finding("NB-2025-007", "DISC-DISMISSED")["status"] as? String == "cleared")
    }

    /// A decisions list that is not the last thing in the file cannot be appended to.
    @Test func aListNotAtTheEndIs409() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let text = "decisions: []\nformat: decisions/1\n"
        try text.write(to: workspace.decisionsFile, atomically: true, encoding: .utf8)
        let finding = try await workspace.finding("NB-2025-007", "DISC-DISMISSED")
        let response = try await workspace.post(Self.body(for: finding, candidate: "NB-2025-007"))
        #expect(response.status == .conflict, "\(response.text)")
        #expect(response.errorCode == "decision.cannot-append")
        #expect(try String(contentsOf: workspace.decisionsFile, encoding: .utf8) == text)
    }

    /// With `--tokens`, `decided_by` is the token's name and may not be sent; only a reviewer
    /// may record.
    @Test func rolesAndTheTokensName() async throws {
        let workspace = try Workspace { $0.tokens = ServerHarness.tokenStore }
        defer { workspace.remove() }
        let finding = try await workspace.finding("NB-2025-007", "DISC-DISMISSED")
        var body = Self.body(for: finding, candidate: "NB-2025-007")
        for token in ["viewer-token", "author-token"] {
            let response = try await workspace.post(body, token: token)
            #expect(response.status == .forbidden, "\(token)")
        }
        let sent = try await workspace.post(body, token: "reviewer-token")
        #expect(sent.status == .badRequest)
        #expect(Self.paths(sent) == ["decided_by"])
        body.removeValue(forKey: "decided_by")
        let response = try await workspace.post(body, token: "reviewer-token")
        #expect(response.status == .created, "\(response.text)")
        #expect((Self.json(response)["decision"] as? [String: Any])?["decided_by"] as? String == "reviewer")
        #expect(try String(contentsOf: workspace.decisionsFile, encoding: .utf8).contains("decided_by: \"reviewer\"\n"))
    }

    /// Twenty reviewers at once, each on another finding: every decision lands, in one file
    /// that validates, and the report applies all of them.
    @Test func concurrentDecisionsAllLand() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let report = try await workspace.report()
        let notApplied = ((report["decisions"] as? [String: Any])?["not_applied"] as? [[String: Any]] ?? []).map {
            "\($0["candidate"] as? String ?? "")|\($0["rule"] as? String ?? "")"
        }
        let open = try await workspace.findings().filter { entry in
            let rule = entry.finding["rule"] as? String ?? ""
            let id = entry.candidate?["id"] as? String ?? ""
            return entry.finding["status"] as? String == "open" && ["review", "note"].contains(entry.finding["severity"] as? String)
                && !notApplied.contains("\(id)|\(rule)")
        }
        #expect(open.count >= 20)
        let bodies = try open.prefix(20).map {
            String(decoding: try JSONSerialization.data(
                withJSONObject: Self.body(for: $0.finding, candidate: $0.candidate?["id"] as? String)), as: UTF8.self)
        }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for body in bodies { group.addTask { try await workspace.post(text: body).status.code } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 201, count: 20))
        let after = try await workspace.report()
        #expect((after["decisions"] as? [String: Any])?["count"] as? Int == 24)
        #expect((after["summary"] as? [String: Any])?["cleared"] as? Int == ((report["summary"] as? [String: Any])?["cleared"] as? Int ?? 0) + 20)
        let text = try String(contentsOf: workspace.decisionsFile, encoding: .utf8)
        #expect(text.components(separatedBy: "\n  - ").count - 1 == 24)
    }

    // MARK: - Failed writes

    /// Whether this process may mount a tmpfs (root in a container that allows it): what the
    /// read-only and full-disk tests need when running as root, which ignores file modes.
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-mount-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: point) }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", point.path]) else { return false }
        return run("/bin/umount", [point.path])
    }()

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A workspace on a tmpfs of `size`, unmounted by `remove`.
    static func mountedWorkspace(size: String) throws -> (Workspace, () -> Void) {
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-tmpfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
        try #require(run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", point.path]))
        let workspace = try Workspace(at: point)
        return (workspace, {
            run("/bin/umount", [point.path])
            try? FileManager.default.removeItem(at: point)
        })
    }

    /// A decision that cannot be written answers 500 and leaves the file as it was.
    static func expectFailedWrite(_ workspace: Workspace, finding: [String: Any]) async throws {
        let before = try Data(contentsOf: workspace.decisionsFile)
        let response = try await workspace.post(Self.body(for: finding, candidate: "NB-2025-007"))
        #expect(response.status == .internalServerError, "\(response.text)")
        #expect(response.errorCode == "decision.write-failed")
        #expect(response.text.contains("left as it was"))
        #expect(try Data(contentsOf: workspace.decisionsFile) == before)
        #expect(try await workspace.harness.call(.get, "/healthz").status == .ok)
    }

    @Test(.enabled(if: getuid() != 0 || canMount, "root ignores file modes and this container may not mount a tmpfs"))
    func aReadOnlyFolderIs500AndTheFileStays() async throws {
        if getuid() != 0 {
            let workspace = try Workspace()
            defer {
                chmod(workspace.folder.path, 0o755)
                workspace.remove()
            }
            let finding = try await workspace.finding("NB-2025-007", "DISC-DISMISSED")
            chmod(workspace.folder.path, 0o555)
            try await Self.expectFailedWrite(workspace, finding: finding)
            return
        }
        let (workspace, remove) = try Self.mountedWorkspace(size: "4m")
        defer { remove() }
        let finding = try await workspace.finding("NB-2025-007", "DISC-DISMISSED")
        try #require(Self.run("/bin/mount", ["-o", "remount,ro", workspace.folder.deletingLastPathComponent().path]))
        try await Self.expectFailedWrite(workspace, finding: finding)
    }

    /// A full disk (a tmpfs filled up): the temporary file cannot be written, the old file stays.
    @Test(.enabled(if: canMount, "needs root and a container that allows mounting a tmpfs"))
    func aFullDiskIs500AndTheFileStays() async throws {
        let (workspace, remove) = try Self.mountedWorkspace(size: "4m")
        defer { remove() }
        let finding = try await workspace.finding("NB-2025-007", "DISC-DISMISSED")
        // The lock file exists before the disk fills, so the write itself is what fails.
        _ = FileManager.default.createFile(atPath: workspace.folder.appendingPathComponent(".decisions.yaml.lock").path, contents: nil)
        let filler = workspace.folder.deletingLastPathComponent().appendingPathComponent("filler")
        _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        let block = Data(count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()
        try await Self.expectFailedWrite(workspace, finding: finding)
    }
}
