import CEL
import Reports
import RuleEngine

/// `GET /rules`: every rule with its severity, scope, title in both languages and its dated
/// bases, a link that opens its file in the playground; then every parameter with its dated
/// values (`policy` marked: no legal text sets it).
struct RulesPage {
    let page: WebPage
    let rules: LoadedRules

    func dates(since: CivilDate?, until: CivilDate?) -> String {
        "<td>\(since.map { page.date($0.description) } ?? "")</td><td>\(until.map { page.date($0.description) } ?? "")</td>"
    }

    var html: String {
        let prepared = rules.session.prepared
        var main = "<section id=\"rule-list\" aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">\(page.t(.rules)) (\(prepared.ruleSet.count))</h2>\n"
        main += "<ul class=\"rules\">\n"
        for rule in prepared.ruleSet.rules {
            main += "<li class=\"rule \(rule.severity.rawValue)\" id=\"rule-\(page.e(rule.id))\">\n"
            main += "<p class=\"head\">\(page.severity(rule.severity)) <code class=\"rule\">\(page.e(rule.id))</code> "
            main += "<span class=\"scope\">\(page.t(.scope)): \(page.e(rule.scope.rawValue))</span></p>\n"
            main += "<p class=\"title\" lang=\"vi\"><strong>\(page.e(rule.title.text(for: "vi")))</strong></p>\n"
            main += "<p class=\"title\" lang=\"en\">\(page.e(rule.title.text(for: "en")))</p>\n"
            main += "<table class=\"bases\">\n<caption>\(page.t(.basis))</caption>\n<thead><tr><th scope=\"col\">\(page.t(.basis))</th>"
            main += "<th scope=\"col\">\(page.t(.since))</th><th scope=\"col\">\(page.t(.until))</th></tr></thead>\n<tbody>\n"
            for (index, entry) in rule.basis.entries.enumerated() {
                main += "<tr><td>\(page.e(entry.value))</td>\(dates(since: entry.since, until: rule.basis.until(index)))</tr>\n"
            }
            main += "</tbody>\n</table>\n"
            main += "<p><a class=\"copy\" href=\"\(page.link("/playground", [("rule", rule.id)]))\">\(page.t(.copyToPlayground))</a></p>\n"
            main += "</li>\n"
        }
        main += "</ul>\n</section>\n"
        main += "<section id=\"params\" aria-labelledby=\"params-h\">\n<h2 id=\"params-h\">\(page.t(.parameters))</h2>\n"
        main += "<table>\n<thead><tr><th scope=\"col\">\(page.t(.parameter))</th><th scope=\"col\">\(page.t(.value))</th>"
        main += "<th scope=\"col\">\(page.t(.since))</th><th scope=\"col\">\(page.t(.until))</th><th scope=\"col\">\(page.t(.basis))</th></tr></thead>\n<tbody>\n"
        for parameter in prepared.parameters.parameters {
            for (index, entry) in parameter.values.entries.enumerated() {
                main += "<tr><td>"
                if index == 0 {
                    main += "<code>\(page.e(parameter.name))</code>"
                    if parameter.policy { main += " <span class=\"policy\">\(page.t(.policy))</span>" }
                }
                main += "</td><td>\(page.e(entry.value.displayText))</td>\(dates(since: entry.since, until: parameter.values.until(index)))"
                main += "<td>\(index == 0 ? page.e(parameter.basis ?? "") : "")</td></tr>\n"
            }
        }
        main += "</tbody>\n</table>\n</section>\n"
        return page.document(page: "rules", title: WebText.rules.text(page.language), main: main)
    }
}
