import Diagnostics
import RuleEngine

/// What review decisions and baselines add to a SARIF result (`decisions.md`): the two
/// fingerprints as `partialFingerprints`, a decision as an external `suppressions` entry
/// (accepted when cleared, rejected when upheld), and `baselineState`.
extension SARIFReporter {
    static func writeReviewState(_ finding: Finding, to writer: inout JSONWriter) {
        writer.key("partialFingerprints")
        writer.beginObject()
        writer.field("appraise/identity/v1", finding.fingerprint.identity)
        writer.field("appraise/content/v1", finding.fingerprint.content)
        writer.endObject()
        if let decision = finding.decision {
            writer.key("suppressions")
            writer.beginArray()
            writer.beginObject()
            writer.field("kind", "external")
            writer.field("status", decision.outcome == .cleared ? "accepted" : "rejected")
            writer.field("justification", decision.reason)
            writer.endObject()
            writer.endArray()
        }
        if let baseline = finding.baseline { writer.field("baselineState", baseline.rawValue) }
    }
}
