import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TestSupport

/// Signing in to the web app on a server with `--tokens` (`docs/serve.md`, "Logging in when the
/// server has tokens"): a session cookie that is never the token, the same roles as the bearer
/// header, the CSRF check on state-changing cookie requests, and no open redirect.
@Suite struct LoginTests {
    /// The authority of every request of the router tester.
    static let host = "localhost"

    static func harness(configure: (inout ServerOptions) -> Void = { _ in }) throws -> ServerHarness {
        try ServerHarness {
            $0.tokens = ServerHarness.tokenStore
            $0.loginFailureDelay = 0
            configure(&$0)
        }
    }

    static func token(_ role: Role) -> String { ServerHarness.tokens.first { $0.value == role }!.key }

    /// Signs in with `token`; the answer and the session cookie's `name=value`, if one was set.
    static func signIn(_ harness: ServerHarness, token: String, next: String = "/") async throws -> (TestResponse, String?) {
        let body = "token=\(token)&next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&lang=vi"
        let response = try await harness.call(.post, "/login", body: body, contentType: "application/x-www-form-urlencoded")
        let cookie = response.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) }
        return (response, cookie)
    }

    static func cookieHeaders(_ cookie: String, origin: String? = "https://\(host)") -> HTTPFields {
        var fields: HTTPFields = [.cookie: cookie]
        if let origin { fields[.origin] = origin }
        return fields
    }

    @Test func signInSetsASecureSessionCookieThatIsNotTheToken() async throws {
        let harness = try Self.harness { $0.secureCookie = true }
        let form = try await harness.call(.get, "/login?next=/rules")
        #expect(form.status == .ok && form.text.contains("action=\"/login\"") && form.text.contains("value=\"/rules\""))
        #expect(!form.text.contains("<script>") && !form.text.contains(" style="))
        let (response, cookie) = try await Self.signIn(harness, token: Self.token(.viewer), next: "/rules")
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "/rules")
        let setCookie = try #require(response.headers[.setCookie])
        #expect(setCookie.hasPrefix("appraise_session="))
        for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Secure"] { #expect(setCookie.contains(attribute), "\(attribute)") }
        let id = try #require(cookie).dropFirst("appraise_session=".count)
        #expect(id.count == 64 && id.allSatisfy { $0.isHexDigit })
        #expect(!setCookie.contains(Self.token(.viewer)))
        // Without --secure-cookie, no Secure (a plain-HTTP browser would drop the cookie).
        let (_, plainCookie) = try await Self.signIn(try Self.harness(), token: Self.token(.viewer))
        #expect(plainCookie != nil)
        let (plain, _) = try await Self.signIn(try Self.harness(), token: Self.token(.viewer))
        #expect(plain.headers[.setCookie]?.contains("Secure") == false)
        // The page shows who signed in and a sign-out button.
        let page = try await harness.call(.get, "/rules", headers: Self.cookieHeaders(cookie!))
        #expect(page.status == .ok)
        #expect(page.text.contains("<strong>viewer</strong>") && page.text.contains("action=\"/logout\""))
    }

    @Test func wrongTokenIs401WithTheFormAndNoCookie() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-audit-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let harness = try Self.harness { $0.auditLogPath = log.path }
        for token in ["viewer-token!", ""] {
            let (response, cookie) = try await Self.signIn(harness, token: token)
            #expect(response.status == .unauthorized)
            #expect(cookie == nil)
            #expect(response.text.contains("action=\"/login\"") && response.text.contains("role=\"alert\""))
        }
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.contains("\"path\":\"/login\"") && $0.contains("\"status\":401") })
    }

    /// Each role by cookie gets the answer it gets by bearer header, on a sample of endpoints.
    @Test(arguments: Role.allCases)
    func cookieGivesTheSameAnswersAsTheBearerHeader(role: Role) async throws {
        let harness = try Self.harness()
        let (_, cookie) = try await Self.signIn(harness, token: Self.token(role))
        let cookieFields = Self.cookieHeaders(try #require(cookie))
        let sample: [(HTTPRequest.Method, String, String?)] = [
            (.get, "/v1/rules", nil), (.get, "/v1/candidates/NB-2025-006", nil), (.get, "/rules", nil),
            (.post, "/v1/decisions", "{}"), (.post, "/v1/playground", #"{"rules": "format: rules/1\nrules: []\n"}"#),
        ]
        for (method, path, body) in sample {
            let contentType = body == nil ? nil : "application/json"
            let byBearer = try await harness.call(method, path, body: body, contentType: contentType, token: Self.token(role))
            let byCookie = try await harness.call(method, path, body: body, contentType: contentType, headers: cookieFields)
            #expect(byCookie.status == byBearer.status, "\(path)")
            #expect(byCookie.errorCode == byBearer.errorCode, "\(path)")
            if path.hasPrefix("/v1/"), byBearer.status == .ok { #expect(byCookie.text == byBearer.text, "\(path)") }
        }
    }

    @Test func cookiePostWithoutOrWithAForeignOriginIs403() async throws {
        let harness = try Self.harness()
        let (_, cookie) = try await Self.signIn(harness, token: Self.token(.author))
        let session = try #require(cookie)
        let body = #"{"rules": "format: rules/1\nrules: []\n"}"#
        for origin in [nil, "https://evil.example", "null", "https://localhost:9999", "https://localhost.evil.example"] {
            let response = try await harness.call(
                .post, "/v1/playground", body: body, contentType: "application/json",
                headers: Self.cookieHeaders(session, origin: origin))
            #expect(response.status == .forbidden, "\(origin ?? "none")")
            #expect(response.errorCode == "auth.cross-origin")
        }
        // A same-site Referer does instead of Origin; the bearer header needs neither.
        var referer: HTTPFields = [.cookie: session]
        referer[.referer] = "https://\(Self.host)/playground"
        #expect(try await harness.call(.post, "/v1/playground", body: body, contentType: "application/json", headers: referer).status == .ok)
        #expect(try await harness.call(.post, "/v1/playground", body: body, contentType: "application/json", token: Self.token(.author)).status == .ok)
        // Sign-out by cookie is state-changing too.
        let logout = try await harness.call(.post, "/logout", headers: Self.cookieHeaders(session, origin: "https://evil.example"))
        #expect(logout.status == .forbidden)
    }

    @Test func signedOutOrExpiredSessionIsRefused() async throws {
        let harness = try Self.harness()
        let (_, cookie) = try await Self.signIn(harness, token: Self.token(.viewer))
        let session = try #require(cookie)
        #expect(try await harness.call(.get, "/v1/rules", headers: Self.cookieHeaders(session)).status == .ok)
        let logout = try await harness.call(.post, "/logout", headers: Self.cookieHeaders(session))
        #expect(logout.status == .seeOther && logout.headers[.location] == "/login")
        let cleared = logout.headers[.setCookie] ?? ""
        #expect(cleared.contains("Max-Age=0"))
        // The same name, path and attributes as at sign-in, or the browser keeps the old cookie.
        for part in ["appraise_session=", "Path=/", "HttpOnly", "SameSite=Strict"] {
            #expect(cleared.contains(part), "\(cleared)")
        }
        let after = try await harness.call(.get, "/v1/rules", headers: Self.cookieHeaders(session))
        #expect(after.status == .unauthorized && after.errorCode == "auth.invalid-session")
        #expect(try await harness.call(.get, "/rules", headers: Self.cookieHeaders(session)).status == .seeOther)

        let idle = try Self.harness { $0.sessionIdleSeconds = 0.2 }
        let (_, idleCookie) = try await Self.signIn(idle, token: Self.token(.viewer))
        try await Task.sleep(nanoseconds: 400_000_000)
        #expect(try await idle.call(.get, "/v1/rules", headers: Self.cookieHeaders(try #require(idleCookie))).status == .unauthorized)

        let absolute = try Self.harness { $0.sessionAbsoluteSeconds = 0.3 }
        let (_, absoluteCookie) = try await Self.signIn(absolute, token: Self.token(.viewer))
        let fields = Self.cookieHeaders(try #require(absoluteCookie))
        for _ in 0..<4 {
            try await Task.sleep(nanoseconds: 100_000_000)
            _ = try await absolute.call(.get, "/v1/rules", headers: fields)
        }
        #expect(try await absolute.call(.get, "/v1/rules", headers: fields).status == .unauthorized)
        // An id never handed out is refused too.
        let forged = Self.cookieHeaders("appraise_session=" + String(repeating: "0", count: 64))
        #expect(try await harness.call(.get, "/v1/rules", headers: forged).status == .unauthorized)
    }

    @Test func pagesRedirectToTheSignInPageAndNeverOffSite() async throws {
        let harness = try Self.harness()
        let page = try await harness.call(.get, "/slates/slate?lang=en")
        #expect(page.status == .seeOther)
        #expect(page.headers[.location] == "/login?next=/slates/slate%3Flang%3Den&lang=en")
        // The API still answers 401 JSON; the style sheet the sign-in page needs is open.
        #expect(try await harness.call(.get, "/v1/rules").status == .unauthorized)
        #expect(try await harness.call(.get, "/assets/app.css").status == .ok)
        for next in ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "/%0d%0aX:1".removingPercentEncoding!] {
            let (response, _) = try await Self.signIn(harness, token: Self.token(.viewer), next: next)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/", "\(next)")
            let form = try await harness.call(.get, "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            #expect(form.text.contains("name=\"next\" value=\"/\""), "\(next)")
        }
    }

    @Test func loopbackWithoutTokensHasNoSignIn() async throws {
        let harness = try ServerHarness()
        #expect(try await harness.call(.get, "/rules").status == .ok)
        #expect(try await harness.call(.get, "/login").status == .notFound)
        let (response, cookie) = try await Self.signIn(harness, token: Self.token(.viewer))
        #expect(response.status == .notFound && cookie == nil)
        #expect(!(try await harness.call(.get, "/").text.contains("/logout")))
    }
}
