import CEL
import Diagnostics
import Foundation
import RuleEngine

/// The body of `POST /v1/decisions` (`docs/serve.md`), checked field by field: every problem is
/// a diagnostic whose `path` is the field (`reason`, `involved[1]`), all of them in one 400, so a
/// form can show each message at its field. Nothing here reads the workspace.
struct DecisionRequest: Sendable {
    /// The slate's name as `GET /v1/slates` lists it.
    var slate: String
    /// `candidate`, or the sorted `involved` ids of a slate finding.
    var subjects: [String]
    var isSlate: Bool
    var rule: String
    var at: String
    /// The content fingerprint the reviewer saw.
    var content: String
    var outcome: DecisionOutcome
    var reason: String
    var reference: String?
    /// `YYYY-MM-DD`.
    var expires: String?
    var decidedOn: String
    var decidedBy: String

    static let fields: Set<String> = [
        "slate", "candidate", "involved", "rule", "at", "content", "outcome", "reason", "reference", "expires",
        "decided_on", "decided_by",
    ]

    /// Reads the body. `caller` is the token's name with `--tokens` (then `decided_by` comes
    /// from it and may not be sent), nil without (then `decided_by` is required); `today` is the
    /// default of `decided_on`.
    static func parse(_ body: [UInt8], caller: String?, today: String) throws(APIError) -> DecisionRequest {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw APIError(
                .badRequest, code: "request.invalid-json",
                message: "the body must be a JSON object {\"slate\", \"candidate\" or \"involved\", \"rule\", \"at\", "
                    + "\"content\", \"outcome\", \"reason\", ...} (docs/serve.md)")
        }
        var problems: [Diagnostic] = []
        func problem(_ path: String, _ message: String) {
            problems.append(Diagnostic(code: DecisionRequestCode.invalidField.rawValue, message: message, location: nil, path: path))
        }
        for key in object.keys.sorted() where !fields.contains(key) {
            problem(key, "unknown field '\(key)'; a decision has \(fields.sorted().joined(separator: ", "))")
        }
        func text(_ name: String, required: Bool = true) -> String? {
            switch object[name] {
            case nil, is NSNull:
                if required { problem(name, "\(name) is required") }
                return nil
            case let value as String:
                if value.allSatisfy(\.isWhitespace) {
                    problem(name, "\(name) must not be blank")
                    return nil
                }
                if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7F }) {
                    problem(name, "\(name) must not hold control characters")
                    return nil
                }
                return value
            default:
                problem(name, "\(name) must be a string")
                return nil
            }
        }
        func date(_ name: String) -> String? {
            guard let value = text(name, required: false) else { return nil }
            guard CivilDate(iso: value) != nil, value.count == 10 else {
                problem(name, "\(name) must be a date YYYY-MM-DD that exists, not '\(value)'")
                return nil
            }
            return value
        }
        let slate = text("slate")
        var subjects: [String] = []
        let isSlate = object["involved"] != nil && !(object["involved"] is NSNull)
        let hasCandidate = object["candidate"] != nil && !(object["candidate"] is NSNull)
        if isSlate == hasCandidate {
            problem(
                isSlate ? "involved" : "candidate",
                isSlate
                    ? "send either candidate (a candidate finding) or involved (a slate finding), not both"
                    : "candidate (a candidate finding) or involved (a slate finding) is required")
        } else if isSlate {
            if let ids = object["involved"] as? [Any] {
                for (index, id) in ids.enumerated() {
                    if let id = id as? String, !id.allSatisfy(\.isWhitespace) {
                        subjects.append(id)
                    } else {
                        problem("involved[\(index)]", "involved[\(index)] must be a candidate id")
                    }
                }
            } else {
                problem("involved", "involved must be a list of candidate ids (empty for a finding about the whole slate)")
            }
        } else if let id = text("candidate") {
            subjects = [id]
        }
        let rule = text("rule")
        let at = text("at")
        let content = text("content")
        if let content, !Self.isFingerprint(content) {
            problem("content", "content must be a content fingerprint sha256:<64 hex digits>, as the report shows it")
        }
        let outcomeText = text("outcome")
        let outcome = outcomeText.flatMap(DecisionOutcome.init(rawValue:))
        if let outcomeText, outcome == nil { problem("outcome", "outcome must be cleared or upheld, not '\(outcomeText)'") }
        let reason = text("reason")
        let reference = text("reference", required: false)
        let expires = date("expires")
        let decidedOn = object["decided_on"] == nil || object["decided_on"] is NSNull ? today : date("decided_on")
        if let expires, let decidedOn, expires <= decidedOn {
            problem("expires", "expires (\(expires)) must be after decided_on (\(decidedOn))")
        }
        var decidedBy = caller
        if let caller {
            if object["decided_by"] != nil {
                problem(
                    "decided_by",
                    "decided_by is the name of the token (\(caller)) with --tokens; do not send it")
            }
        } else {
            decidedBy = text("decided_by")
        }
        guard problems.isEmpty, let slate, let rule, let at, let content, let outcome, let reason, let decidedOn,
            let decidedBy
        else {
            throw APIError(
                .badRequest, code: DecisionRequestCode.invalidField.rawValue,
                message: problems.map { "\($0.path ?? ""): \($0.message)" }.joined(separator: "; "), diagnostics: problems)
        }
        return DecisionRequest(
            slate: slate, subjects: subjects.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) },
            isSlate: isSlate, rule: rule, at: at, content: content, outcome: outcome, reason: reason, reference: reference,
            expires: expires, decidedOn: decidedOn, decidedBy: decidedBy)
    }

    static func isFingerprint(_ text: String) -> Bool {
        let hex = text.utf8.dropFirst(7)
        return text.hasPrefix("sha256:") && hex.count == 64
            && hex.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// The identity fingerprint of the finding the decision is about.
    var identity: String {
        FindingFingerprint(subjects: subjects, rule: rule, path: at, evidence: []).identity
    }

    /// The field that names the subjects, for diagnostics.
    var subjectField: String { isSlate ? "involved" : "candidate" }
}
