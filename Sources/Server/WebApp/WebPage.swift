import Reports
import RuleEngine
import Screening

/// What every page of the web app shares: the language, the escaping (the HTML report's own,
/// `Escaping.html`), links that keep the language, and the layout (header with navigation and
/// the language switch, main, footer; one style sheet and one script module, no inline code, so
/// the page runs under `script-src 'self'; style-src 'self'`).
struct WebPage {
    let language: Language
    /// The page's path, for the language switch link.
    let path: String
    /// The page's other query parameters (not `lang`), kept by the language switch.
    var query: [(String, String)] = []
    /// Who signed in by the session cookie, shown in the header with a sign-out button; nil
    /// without `--tokens` or for a bearer caller.
    var user: String?

    init(language: Language, path: String, caller: Caller? = nil) {
        self.language = language
        self.path = path
        self.user = caller?.sessionID == nil ? nil : caller?.name
    }

    func t(_ text: WebText) -> String { Escaping.html(text.text(language)) }
    func e(_ text: String) -> String { Escaping.html(text) }

    /// `path` in this page's language: `?lang=en` is added in English (Vietnamese is the default).
    func link(_ path: String, _ parameters: [(String, String)] = []) -> String {
        var parameters = parameters
        if language == .en { parameters.append(("lang", "en")) }
        guard !parameters.isEmpty else { return e(path) }
        return e(path + "?" + parameters.map { "\($0.0)=\(Escaping.uriPath($0.1))" }.joined(separator: "&"))
    }

    func verdict(_ verdict: Verdict) -> String {
        "<span class=\"badge \(verdict.rawValue)\">\(e(ReportVocabulary.verdict(verdict, language: language.rawValue)))</span>"
    }

    func severity(_ severity: Severity) -> String {
        "<span class=\"sev \(severity.rawValue)\">\(e(ReportVocabulary.severity(severity, language: language.rawValue)))</span>"
    }

    func date(_ iso: String) -> String { e(ReportVocabulary.date(iso, language: language.rawValue)) }

    /// The words a page's script shows, in the page language, in an inert `<template id="words">`
    /// (`data-word` is the `WebText` case name), so that scripts hold no text of their own.
    func words(_ list: [WebText]) -> String {
        "<template id=\"words\">" + list.map { "<span data-word=\"\($0)\">\(t($0))</span>" }.joined() + "</template>\n"
    }

    /// The whole document: `page` names the script module's page (`data-page`), `title` is
    /// plain text, `main` is HTML already escaped.
    func document(page: String, title: String, main: String) -> String {
        let other = language == .vi ? Language.en : Language.vi
        var switchQuery = query
        if other == .en { switchQuery.append(("lang", "en")) }
        let switchHref = switchQuery.isEmpty
            ? path : path + "?" + switchQuery.map { "\($0.0)=\(Escaping.uriPath($0.1))" }.joined(separator: "&")
        var html = "<!doctype html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(e(title)) · \(t(.appName))</title>\n"
        html += "<link rel=\"icon\" href=\"/assets/icon.svg\" type=\"image/svg+xml\">\n"
        html += "<link rel=\"stylesheet\" href=\"/assets/app.css\">\n"
        html += "<script type=\"module\" src=\"/assets/app.js\"></script>\n</head>\n"
        html += "<body data-page=\"\(e(page))\" data-lang=\"\(language.rawValue)\">\n"
        html += "<a class=\"skip\" href=\"#main\">\(t(.skipToContent))</a>\n"
        html += "<header class=\"site\">\n<p class=\"brand\"><a href=\"\(link("/"))\">\(t(.appName))</a></p>\n"
        html += "<nav aria-label=\"\(t(.mainNavigation))\">\n<ul>\n"
        for (target, label) in [("/", WebText.workspace), ("/rules", .rules), ("/playground", .playground)] {
            let current = target == path ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(link(target))\"\(current)>\(t(label))</a></li>\n"
        }
        html += "<li><a id=\"lang-switch\" href=\"\(e(switchHref))\" lang=\"\(other.rawValue)\" hreflang=\"\(other.rawValue)\">"
        html += "\(e(WebText.languageSwitch.text(language)))</a></li>\n"
        html += "</ul>\n</nav>\n"
        if let user {
            html += "<form class=\"signout\" method=\"post\" action=\"/logout\">"
            html += "<p>\(t(.signedInAs)) <strong>\(e(user))</strong></p><button type=\"submit\">\(t(.signOut))</button></form>\n"
        }
        html += "</header>\n<main id=\"main\" tabindex=\"-1\">\n<h1>\(e(title))</h1>\n"
        html += main
        html += "</main>\n</body>\n</html>\n"
        return html
    }
}
