/// `GET /login` (with `--tokens` only): the form that asks for the access token, posted to
/// `POST /login` without script; `failed` adds the refusal, which never says whether a token
/// of that kind exists.
struct LoginPage {
    let page: WebPage
    /// The same-site path to return to after signing in (`LoginTarget`).
    let next: String
    var failed = false

    var html: String {
        var main = ""
        if failed { main += "<p class=\"error\" role=\"alert\">\(page.t(.signInFailed))</p>\n" }
        main += "<p>\(page.t(.signInIntro))</p>\n"
        main += "<form id=\"login\" method=\"post\" action=\"/login\">\n"
        main += "<input type=\"hidden\" name=\"next\" value=\"\(page.e(next))\">\n"
        main += "<input type=\"hidden\" name=\"lang\" value=\"\(page.language.rawValue)\">\n"
        main += "<p><label for=\"token\">\(page.t(.token))</label>\n"
        main += "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required autofocus></p>\n"
        main += "<p><button type=\"submit\">\(page.t(.signIn))</button></p>\n</form>\n"
        return page.document(page: "login", title: WebText.signIn.text(page.language), main: main)
    }
}

/// Where a sign-in returns to: only a path of this server (`/…`, not `//host` or `/\host`, no
/// control characters), else `/` — so that `?next=` is never an open redirect.
enum LoginTarget {
    static func sameSite(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"),
              !next.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F })
        else { return "/" }
        return next
    }
}
