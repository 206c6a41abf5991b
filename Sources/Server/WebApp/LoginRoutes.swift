import Foundation
import Hummingbird
import Reports
import Screening

/// Signing in to the web app on a server with `--tokens` (`docs/serve.md`, "Logging in when the
/// server has tokens"): `POST /login` checks a token with the `TokenStore` once and sets the
/// cookie `appraise_session` to a new session's random id; `POST /logout` ends the session.
/// Every other request then authenticates by that cookie through `authorize`, with the same
/// role checks as the bearer header.
extension AppraiseServer {
    static let formType = "application/x-www-form-urlencoded"

    /// The fields of the sign-in form.
    struct LoginForm: Decodable {
        var token: String?
        var next: String?
        var lang: String?
    }

    func addLoginRoutes(to router: Router<BasicRequestContext>) {
        router.get("/login") { request, _ in
            await self.answer(request, Endpoint(query: ["lang", "next"], open: true)) { _, query, _ throws(APIError) in
                var page = WebPage(language: try query.pageLanguage(), path: "/login")
                let next = LoginTarget.sameSite(query.value("next"))
                page.query = [("next", next)]
                return Answer(contentType: Self.htmlType, text: LoginPage(page: page, next: next).html)
            }
        }
        router.post("/login") { request, _ in
            let response = await self.answer(request, Endpoint(body: Self.formType, open: true)) { body, _, _ throws(APIError) in
                try self.signIn(body)
            }
            // A refused token waits before its answer: guessing costs time.
            if response.status == .unauthorized {
                try? await Task.sleep(nanoseconds: UInt64(self.options.loginFailureDelay * 1e9))
            }
            return response
        }
        router.post("/logout") { request, _ in
            await self.answerNamingCaller(request, Endpoint(page: true)) { _, _, _, caller throws(APIError) in
                if let id = caller?.sessionID { self.sessions.remove(id) }
                return Answer(
                    status: .seeOther, contentType: Self.htmlType, text: "",
                    headers: [.location: "/login", .setCookie: self.sessionCookie("", maxAge: 0).description])
            }
        }
    }

    /// 303 to `next` with the session cookie for a valid token; 401 with the form again for any
    /// other (the audit log records it as it records a refused bearer token).
    func signIn(_ body: [UInt8]) throws(APIError) -> Answer {
        let form: LoginForm
        do {
            form = try URLEncodedFormDecoder().decode(LoginForm.self, from: String(decoding: body, as: UTF8.self))
        } catch {
            throw APIError(.badRequest, code: "request.invalid-form", message: "the body must be a form: token, next, lang")
        }
        let language: Language = form.lang == "en" ? .en : .vi
        let next = LoginTarget.sameSite(form.next)
        guard let token = form.token, !token.isEmpty, let holder = options.tokens?.holder(of: token) else {
            let page = LoginPage(page: WebPage(language: language, path: "/login"), next: next, failed: true)
            return Answer(status: .unauthorized, contentType: Self.htmlType, text: page.html)
        }
        let cookie = sessionCookie(sessions.create(for: holder))
        return Answer(status: .seeOther, contentType: Self.htmlType, text: "", headers: [.location: next, .setCookie: cookie.description])
    }

    /// The session cookie, set at sign-in and cleared (`maxAge: 0`) at sign-out with the same
    /// attributes, since a browser only replaces a cookie of the same name, path and domain.
    func sessionCookie(_ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(
            name: SessionStore.cookieName, value: value, maxAge: maxAge, path: "/", secure: options.secureCookie,
            httpOnly: true, sameSite: .strict)
    }

    /// The answer to a page request without a valid token or session: 303 to the sign-in page,
    /// which returns here afterwards.
    static func redirectToLogin(_ request: Request) -> Response {
        var target = request.uri.path
        if let query = request.uri.query, !query.isEmpty { target += "?" + query }
        var location = "/login?next=" + Escaping.uriPath(target)
        if request.uri.queryParameters["lang"] == "en" { location += "&lang=en" }
        return Response(status: .seeOther, headers: [.location: location])
    }
}
