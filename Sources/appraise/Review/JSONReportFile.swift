import Foundation
import RuleEngine
import Screening

/// A JSON report of an earlier run (`--format json`), read back for `--baseline`,
/// `appraise diff` and `appraise decisions template`: per candidate its verdict and findings
/// with their fingerprints. A file that is not such a report is an input error (exit 2).
struct JSONReportFile {
    struct Candidate {
        var id: String
        var name: String?
        var verdict: String
        var findings: [BaselineFinding]
    }

    var path: String
    var asOf: String
    var rulesDigest: String
    var decisionsDigest: String?
    var candidates: [Candidate]
    var slateFindings: [BaselineFinding]

    /// Every finding, candidates' in order then the slate's.
    var allFindings: [BaselineFinding] { candidates.flatMap(\.findings) + slateFindings }

    static func read(_ path: String, limit: Int) throws(CLIError) -> JSONReportFile {
        let bytes: [UInt8]
        switch FileReader.read(path, limit: limit) {
        case .success(let read): bytes = read
        case .failure(let failure): throw CLIError.io(path: path, reason: failure.message)
        }
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw CLIError.io(path: path, reason: "is not a JSON report of appraise (--format json)")
        }
        guard let rules = root["rules"] as? [String: Any], let digest = rules["digest"] as? String,
            let asOf = root["as_of"] as? String, let candidates = root["candidates"] as? [[String: Any]]
        else { throw CLIError.io(path: path, reason: "is not a JSON report of appraise: no rules, as_of or candidates") }
        var read: [Candidate] = []
        for (index, candidate) in candidates.enumerated() {
            let id = candidate["id"] as? String ?? "(\(candidate["file"] as? String ?? "candidate \(index + 1)"))"
            let findings = try (candidate["findings"] as? [[String: Any]] ?? []).map { (finding) throws(CLIError) in
                try Self.finding(finding, candidate: id, path: path)
            }
            read.append(Candidate(
                id: id, name: candidate["name"] as? String, verdict: candidate["verdict"] as? String ?? "", findings: findings))
        }
        let slate = (root["slate"] as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        let slateFindings = try slate.map { (finding) throws(CLIError) in try Self.finding(finding, candidate: nil, path: path) }
        let decisions = (root["decisions"] as? [String: Any])?["digest"] as? String
        return JSONReportFile(
            path: path, asOf: asOf, rulesDigest: digest, decisionsDigest: decisions, candidates: read,
            slateFindings: slateFindings)
    }

    private static func finding(_ object: [String: Any], candidate: String?, path: String) throws(CLIError) -> BaselineFinding {
        guard let fingerprint = object["fingerprint"] as? [String: Any], let identity = fingerprint["identity"] as? String,
            let content = fingerprint["content"] as? String, let rule = object["rule"] as? String,
            let location = object["location"] as? [String: Any], let at = location["path"] as? String
        else {
            throw CLIError.io(path: path, reason: "has a finding without rule, location or fingerprint (a report of an older appraise?)")
        }
        let evidence = (object["evidence"] as? [[String: Any]] ?? []).compactMap { item -> EvidenceText? in
            guard let path = item["path"] as? String else { return nil }
            return EvidenceText(path: path, value: Self.text(item["value"]))
        }
        let subjects = candidate.map { [$0] } ?? (object["involved"] as? [String] ?? [])
        return BaselineFinding(
            candidate: candidate, subjects: subjects, rule: rule, severity: object["severity"] as? String ?? "",
            path: at, message: object["message"] as? String ?? "",
            fingerprint: FindingFingerprint(identity: identity, content: content), evidence: evidence,
            status: object["status"] as? String ?? "open")
    }

    /// A JSON evidence value as `EvidenceValue.text` writes it.
    static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return "null"
        case let number as NSNumber:
            let kind = String(cString: number.objCType)
            if kind == "c" || kind == "B" { return number.boolValue ? "true" : "false" }
            if kind != "d" && kind != "f" { return String(number.int64Value) }
            return String(number.doubleValue)
        case let text as String: return text
        case let list as [Any]: return "[" + list.map { text($0) }.joined(separator: ", ") + "]"
        default: return "\(value!)"
        }
    }
}
