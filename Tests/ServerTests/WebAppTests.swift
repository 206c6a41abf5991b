import Foundation
import HTTPTypes
import Hummingbird
import Screening
import Server
import Testing
import TestSupport

/// The web app's pages (`serve.md`, "The web app"): HTML answers with the security headers,
/// Vietnamese by default and English on request, the same data as the JSON API, everything from
/// dossiers escaped, and no inline script or style (the CSP would block it).
@Suite struct WebAppTests {
    static let pages = ["/", "/slates/slate", "/candidates/NB-2025-009", "/rules", "/playground", "/playground?rule=CASE-OPEN"]

    @Test(arguments: pages)
    func pageIsHTMLWithTheSecurityHeaders(path: String) async throws {
        let response = try await ServerHarness().call(.get, path)
        #expect(response.status == .ok, "\(response.text)")
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
        #expect(policy.contains("script-src 'self'") && policy.contains("style-src 'self'") && policy.contains("frame-ancestors 'none'"))
        #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        let html = response.text
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"vi\">"))
        #expect(html.contains("<script type=\"module\" src=\"/assets/app.js\"></script>"))
        // No inline script, style or event handler: every <script> has a src, no style= or on...= attribute.
        #expect(!html.contains("<script>") && !html.contains("<style") && !html.contains(" style="))
        #expect(html.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil)
        #expect(html.contains("Thư mục làm việc") && html.contains("lang=\"en\""))
    }

    @Test func englishOnRequestAndABadLanguageIsRefused() async throws {
        let harness = try ServerHarness()
        let english = try await harness.call(.get, "/slates/slate?lang=en")
        #expect(english.text.contains("<html lang=\"en\">") && english.text.contains(">Workspace<"))
        #expect(english.text.contains("href=\"/slates/slate\"") && english.text.contains(">Tiếng Việt<"))
        #expect(english.text.contains("href=\"/candidates/NB-2025-009?lang=en\""))
        let refused = try await harness.call(.get, "/?lang=fr")
        #expect(refused.status == .badRequest && refused.errorCode == "request.invalid-lang")
        #expect(try await harness.call(.get, "/?x=1").errorCode == "request.unknown-parameter")
    }

    /// The slate page lists what `GET /v1/slates/slate/report` reports: every candidate with its verdict.
    @Test func slatePageShowsTheReportOfTheAPI() async throws {
        let harness = try ServerHarness()
        let report = try JSONSerialization.jsonObject(with: Data(try await harness.call(.get, "/v1/slates/slate/report?lang=vi").text.utf8)) as! [String: Any]
        let html = try await harness.call(.get, "/slates/slate").text
        let candidates = report["candidates"] as! [[String: Any]]
        #expect(candidates.count > 10)
        for candidate in candidates {
            let id = candidate["id"] as! String
            let verdict = candidate["verdict"] as! String
            #expect(html.contains("<tr data-verdict=\"\(verdict)\"><td><a href=\"/candidates/\(id)\">\(id)</a></td>"), "\(id)")
        }
        // The decisions summary: the shipped decisions file clears one finding, upholds one, one is stale, one expired.
        for (key, count) in [("cleared", 1), ("upheld", 1), ("stale", 1), ("expired", 1)] {
            #expect(html.contains("<dd data-count=\"\(key)\">\(count)</dd>"), "\(key)")
        }
        #expect(html.contains("id=\"verdict-filter\""))
        // A slate finding names its dossier relative to the slate's folder, not by the server's path.
        #expect(html.contains("<code>le-thi-hong.yaml:6:3</code>"))
        #expect(!html.contains("candidates/le-thi-hong.yaml"))
    }

    /// The candidate page: the dossier's lines numbered, each finding marked at its line, a
    /// decision form for an undecided review finding (with its content fingerprint), none for
    /// a disqualify finding.
    @Test func candidatePageMarksFindingsAtTheirLines() async throws {
        let harness = try ServerHarness()
        let entry = try JSONSerialization.jsonObject(with: Data(try await harness.call(.get, "/v1/candidates/NB-2025-011").text.utf8)) as! [String: Any]
        let html = try await harness.call(.get, "/candidates/NB-2025-011").text
        let lines = (entry["text"] as! String).split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(html.contains("id=\"L\(lines - 1)\""))
        #expect(!html.contains("id=\"L\(lines + 1)\""))
        let findings = (entry["entry"] as! [String: Any])["findings"] as! [[String: Any]]
        #expect(!findings.isEmpty)
        for finding in findings {
            let line = (finding["location"] as! [String: Any])["line"] as! Int
            #expect(html.contains("<div class=\"line marked review\" id=\"L\(line)\">"), "line \(line)")
            #expect(html.contains("data-line=\"\(line)\""))
        }
        // Two of its review findings are undecided: a form each, with the fingerprint; the upheld one shows its decision.
        #expect(html.components(separatedBy: "<form class=\"decide\" data-decision").count - 1 == 2)
        #expect(html.contains("<div class=\"decision upheld\">"))
        let hostile = try await harness.call(.get, "/candidates/NB-2025-008").text  // a disqualify finding
        #expect(hostile.contains("class=\"why-no-form\""))
        #expect(!hostile.contains("<form class=\"decide\""))
        let missing = try await harness.call(.get, "/candidates/NB-0000")
        #expect(missing.status == .notFound && missing.errorCode == "workspace.no-such-candidate")
    }

    /// Text from a dossier is text: a name and an authority holding markup show escaped in the
    /// slate and candidate pages, in the finding message the rule built from them too.
    @Test func dossierTextIsEscaped() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = #"<script>window.pwned=1</script>"><img src=x onerror=alert(1)>"#
        let slate = try packageFile("candidates/slate.yaml").replacingOccurrences(of: "decisions:\n  - decisions.yaml\n", with: "")
        try slate.write(to: folder.appendingPathComponent("slate.yaml"), atomically: true, encoding: .utf8)
        let dossier = try packageFile("candidates/bui-van-cuong.yaml")
            .replacingOccurrences(of: "name: Bùi Văn Cường", with: "name: '\(hostile)'")
            .replacingOccurrences(of: "authority: Cơ quan Cảnh sát điều tra Công an tỉnh Ninh Bình", with: "authority: '\(hostile)'")
        try dossier.write(to: folder.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        let harness = try ServerHarness { $0.workspace = folder.path }
        for path in ["/slates/slate", "/candidates/NB-2025-008", "/candidates/NB-2025-008?lang=en"] {
            let html = try await harness.call(.get, path).text
            #expect(html.contains("&lt;script&gt;window.pwned=1&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "\(path)")
            #expect(!html.contains("<script>window") && !html.contains("<img"), "\(path)")
        }
        let candidate = try await harness.call(.get, "/candidates/NB-2025-008").text
        #expect(candidate.contains("<p class=\"message\">") && candidate.contains("onerror=alert(1)&gt; "))
    }

    @Test func assetsAreServedFromTheBinary() async throws {
        let harness = try ServerHarness()
        for (name, type) in [
            ("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"),
            ("candidate.js", "text/javascript; charset=utf-8"), ("decision.js", "text/javascript; charset=utf-8"),
            ("slate.js", "text/javascript; charset=utf-8"), ("playground.js", "text/javascript; charset=utf-8"),
            ("icon.svg", "image/svg+xml"),
        ] {
            let response = try await harness.call(.get, "/assets/\(name)")
            #expect(response.status == .ok && response.headers[.contentType] == type, "\(name)")
            #expect(response.text == (try packageFile("Sources/Server/WebApp/Assets/\(name)")))
        }
        for name in ["nope.js", "..%2FWebApp.swift", "app.css.map"] {
            #expect(try await harness.call(.get, "/assets/\(name)").status == .notFound, "\(name)")
        }
    }

    @Test func rulesPageListsEveryRuleInBothLanguages() async throws {
        let harness = try ServerHarness()
        let html = try await harness.call(.get, "/rules").text
        let rules = try JSONSerialization.jsonObject(with: Data(try await harness.call(.get, "/v1/rules").text.utf8)) as! [String: Any]
        for rule in rules["rules"] as! [[String: Any]] {
            let id = rule["id"] as! String
            #expect(html.contains("<code class=\"rule\">\(id)</code>"))
            #expect(html.contains("href=\"/playground?rule=\(id)\""))
            let english = (rule["title"] as! String).replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
            #expect(html.contains("<p class=\"title\" lang=\"en\">\(english)</p>"), "\(id)")
        }
        #expect(try await harness.call(.get, "/playground?rule=NO-SUCH").status == .notFound)
    }

    @Test func playgroundLintsTestsAndChecks() async throws {
        let harness = try ServerHarness()
        let rules = try packageFile("rules/cases.yaml")
        func call(_ body: [String: String]) async throws -> (HTTPResponse.Status, [String: Any]) {
            let text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
            let response = try await harness.call(.post, "/v1/playground", body: text, contentType: "application/json")
            return (response.status, (try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]) ?? [:])
        }
        let (status, good) = try await call(["rules": rules, "dossier_file": "bui-van-cuong.yaml"])
        #expect(status == .ok)
        #expect((good["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(((good["examples"] as? [String: Any])?["failed"] as? Int) == 0)
        let findings = (((good["report"] as? [String: Any])?["candidates"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
        #expect(findings.contains { $0["rule"] as? String == "CASE-OPEN" && !(($0["evidence"] as? [Any]) ?? []).isEmpty })
        let (_, broken) = try await call(["rules": rules.replacingOccurrences(of: "  when:", with: "  whenn:"), "dossier_file": "bui-van-cuong.yaml"])
        let diagnostic = (broken["diagnostics"] as? [[String: Any]])?.first
        #expect(diagnostic?["file"] as? String == "playground.yaml" && (diagnostic?["line"] as? Int ?? 0) > 1)
        #expect(broken["examples"] is NSNull && broken["report"] is NSNull)
        // A YAML bomb: a located error from the alias budget, not an expansion (no wall-clock
        // bound here: parallel tests on the cooperative pool delay any in-process answer).
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        let (bombStatus, bombed) = try await call(["rules": bomb])
        let bombDiagnostic = (bombed["diagnostics"] as? [[String: Any]])?.first
        #expect(bombStatus == .ok && bombDiagnostic?["code"] as? String == "yaml.alias-budget")
        #expect(bombDiagnostic?["line"] as? Int == 5)
        let (missing, _) = try await call(["rules": rules, "dossier_file": "../etc/passwd"])
        #expect(missing == .notFound)
    }
}
