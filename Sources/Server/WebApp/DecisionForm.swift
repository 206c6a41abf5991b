import Reports
import RuleEngine

/// The form that records a review decision for one `review` finding (`decisions.md`): outcome,
/// reason, reference, expiry, decision date, and who decides when the server has no tokens;
/// the finding's identity (slate, candidate or involved, rule, `at`) and the content fingerprint
/// the page was made with ride along hidden, so a finding that changed since is refused as
/// stale. Hidden until the script shows it: it posts JSON to `POST /v1/decisions`.
struct DecisionForm {
    let page: WebPage
    let finding: Finding
    let anchor: String
    let slate: String
    let candidate: String
    /// A slate finding is decided for the candidates it involves (`involved`), not one `candidate`.
    let isSlateFinding: Bool
    let decidedOn: String
    let decidedByField: Bool

    func id(_ field: String) -> String { "\(field)-\(anchor)" }

    /// A labelled field with its message slot, which the script fills (`aria-describedby`).
    func field(_ name: String, label: WebText, control: String) -> String {
        "<div class=\"field\" data-field=\"\(name)\"><label for=\"\(id(name))\">\(page.t(label))</label>\n\(control)\n"
            + "<p class=\"field-error\" id=\"\(id(name))-error\"></p></div>\n"
    }

    func input(_ name: String, type: String = "text", value: String = "", required: Bool = false) -> String {
        "<input id=\"\(id(name))\" name=\"\(name)\" type=\"\(type)\" value=\"\(page.e(value))\""
            + " aria-describedby=\"\(id(name))-error\"\(required ? " required" : "")>"
    }

    var html: String {
        var html = "<form class=\"decide\" data-decision hidden novalidate aria-label=\"\(page.t(.recordDecision)) \(page.e(finding.rule))\">\n"
        html += "<fieldset>\n<legend>\(page.t(.recordDecision))</legend>\n"
        html += "<input type=\"hidden\" name=\"slate\" value=\"\(page.e(slate))\">\n"
        if isSlateFinding {
            html += "<input type=\"hidden\" name=\"involved\" value=\"\(page.e(finding.subjects.joined(separator: "\n")))\">\n"
        } else {
            html += "<input type=\"hidden\" name=\"candidate\" value=\"\(page.e(candidate))\">\n"
        }
        html += "<input type=\"hidden\" name=\"rule\" value=\"\(page.e(finding.rule))\">\n"
        html += "<input type=\"hidden\" name=\"at\" value=\"\(page.e(finding.location.path))\">\n"
        html += "<input type=\"hidden\" name=\"content\" value=\"\(page.e(finding.fingerprint.content))\">\n"
        // The radios' name is the form's own (`outcome-f-2`): radios of one name form one group on a page.
        html += "<fieldset class=\"field\" data-field=\"outcome\"><legend>\(page.t(.outcome))</legend>\n"
        for outcome in [DecisionOutcome.cleared, .upheld] {
            let checked = outcome == .cleared ? " checked" : ""
            html += "<label class=\"choice\"><input type=\"radio\" name=\"\(id("outcome"))\" value=\"\(outcome.rawValue)\"\(checked)> "
            html += "\(page.e(ReportVocabulary.outcome(outcome, language: page.language.rawValue)))</label>\n"
        }
        html += "<p class=\"field-error\" id=\"\(id("outcome"))-error\"></p></fieldset>\n"
        html += field(
            "reason", label: .reason,
            control: "<textarea id=\"\(id("reason"))\" name=\"reason\" rows=\"3\" required aria-describedby=\"\(id("reason"))-error\"></textarea>")
        html += field("reference", label: .reference, control: input("reference"))
        html += field("decided_on", label: .decidedOn, control: input("decided_on", type: "date", value: decidedOn, required: true))
        html += field("expires", label: .expires, control: input("expires", type: "date"))
        if decidedByField {
            html += field("decided_by", label: .decidedBy, control: input("decided_by", required: true))
        }
        html += "<button type=\"submit\">\(page.t(.submitDecision))</button>\n"
        html += "<p class=\"form-status\" role=\"status\"></p>\n"
        html += "</fieldset>\n</form>\n"
        html += "<p class=\"needs-script\">\(page.t(.needsScript))</p>\n"
        return html
    }
}
