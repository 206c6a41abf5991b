import Reports
import RuleEngine
import Screening

/// `GET /playground`: a rule file editor (empty, or the file of `?rule=ID` from `/rules`), a
/// dossier picker (a workspace dossier or pasted YAML), and the places where the script shows,
/// as one types, the lint diagnostics at their line and column, the examples' pass/fail and
/// the findings on the chosen dossier (`POST /v1/playground`).
struct PlaygroundPage {
    let page: WebPage
    let ruleText: String
    let dossiers: [(name: String, path: String)]

    init(page: WebPage, rules: LoadedRules, ruleID: String?, dossiers: [(name: String, path: String)]) throws(APIError) {
        self.page = page
        self.dossiers = dossiers
        guard let ruleID else {
            ruleText = ""
            return
        }
        guard let rule = rules.session.prepared.ruleSet.rule(id: ruleID),
            let source = rules.session.texts.first(where: { $0.name == rule.location.file })
        else {
            throw APIError(.notFound, code: "request.unknown-rule", message: "no rule with id '\(ruleID)'")
        }
        ruleText = source.text
    }

    var html: String {
        var main = "<p class=\"meta\">\(page.t(.playgroundIntro))</p>\n"
        main += "<form id=\"playground\" class=\"playground\" novalidate>\n<div class=\"editor\">\n"
        main += "<label for=\"rule-text\">\(page.t(.ruleEditor))</label>\n"
        main += "<textarea id=\"rule-text\" name=\"rules\" rows=\"24\" wrap=\"off\" spellcheck=\"false\" autocomplete=\"off\">\(page.e(ruleText))</textarea>\n"
        main += "</div>\n<div class=\"dossier\">\n<label for=\"dossier-choice\">\(page.t(.dossierPicker))</label>\n"
        main += "<select id=\"dossier-choice\" name=\"dossier_file\">\n"
        main += "<option value=\"\">\(page.t(.pastedDossier)) \(page.t(.pasteHere))</option>\n"
        for (index, dossier) in dossiers.enumerated() {
            main += "<option value=\"\(page.e(dossier.name))\"\(index == 0 ? " selected" : "")>\(page.e(dossier.name))</option>\n"
        }
        main += "</select>\n<label for=\"dossier-text\">\(page.t(.pastedDossier))</label>\n"
        main += "<textarea id=\"dossier-text\" name=\"dossier\" rows=\"8\" spellcheck=\"false\" autocomplete=\"off\"></textarea>\n"
        main += "</div>\n</form>\n"
        main += "<p id=\"playground-status\" class=\"meta\" role=\"status\"></p>\n"
        main += "<div class=\"results\">\n"
        main += "<section aria-labelledby=\"diagnostics-h\"><h2 id=\"diagnostics-h\">\(page.t(.diagnostics))</h2>\n"
        main += "<ul id=\"diagnostics\" class=\"diagnostics\"></ul>\n"
        main += "<div id=\"rule-lines\" class=\"source\" role=\"region\" aria-label=\"\(page.t(.ruleEditor))\" tabindex=\"0\"></div></section>\n"
        main += "<section aria-labelledby=\"examples-h\"><h2 id=\"examples-h\">\(page.t(.examples))</h2>\n<ul id=\"examples\"></ul></section>\n"
        main += "<section aria-labelledby=\"pg-findings-h\"><h2 id=\"pg-findings-h\">\(page.t(.findingsOnDossier))</h2>\n"
        main += "<ul id=\"pg-findings\" class=\"findings\"></ul></section>\n"
        main += "</div>\n"
        main += page.words([.noDiagnostics, .passed, .failed, .running, .noFindings, .line, .evidence, .comparisons, .basis])
        return page.document(page: "playground", title: WebText.playground.text(page.language), main: main)
    }
}
