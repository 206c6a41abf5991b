import Diagnostics
import RuleEngine

/// The members review decisions and baselines add to JSON and JSONL reports
/// (`decisions.md`): per finding its fingerprints, status, decision and baseline state; the
/// top-level `decisions` section; and `summary.cleared`.
extension JSONReporter {
    /// `involved` (slate findings), `fingerprint`, `status`, then `decision` and `baseline`
    /// when there is one.
    static func writeReviewState(_ finding: Finding, slate: Bool, to writer: inout JSONWriter) {
        if slate {
            writer.key(literal: "involved")
            writer.beginArray()
            for id in finding.subjects { writer.string(id) }
            writer.endArray()
        }
        writer.key(literal: "fingerprint")
        writer.beginObject()
        writer.field(literal: "identity", finding.fingerprint.identity)
        writer.field(literal: "content", finding.fingerprint.content)
        writer.endObject()
        writer.field(literal: "status", finding.decision?.outcome.rawValue ?? "open")
        if let decision = finding.decision {
            writer.key(literal: "decision")
            write(decision, to: &writer)
        }
        if let baseline = finding.baseline { writer.field(literal: "baseline", baseline.rawValue) }
    }

    /// `{outcome, reason, decided_by, decided_on, reference, expires, file, line}`.
    static func write(_ decision: AppliedDecision, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("outcome", decision.outcome.rawValue)
        writer.field("reason", decision.reason)
        writer.field("decided_by", decision.decidedBy)
        writer.field("decided_on", decision.decidedOn)
        writer.field("reference", decision.reference)
        writer.field("expires", decision.expires)
        writer.field("file", decision.source.file)
        writer.field("line", decision.source.line)
        writer.endObject()
    }

    /// `{count, digest, not_applied: [...]}`: the decisions read and those that applied to
    /// nothing (unmatched, stale with the changed values, expired, not yet).
    static func write(_ decisions: Report.DecisionsInfo, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("count", decisions.count)
        writer.field("digest", decisions.digest)
        writer.key("not_applied")
        writer.beginArray()
        for notice in decisions.notices { write(notice, to: &writer) }
        writer.endArray()
        writer.endObject()
    }

    static func write(_ notice: DecisionNotice, to writer: inout JSONWriter) {
        let decision = notice.decision
        writer.beginObject()
        writer.field("status", notice.status.name)
        if decision.isSlate {
            writer.key("involved")
            writer.beginArray()
            for id in decision.subjects { writer.string(id) }
            writer.endArray()
        } else {
            writer.field("candidate", decision.subjects.first ?? "")
        }
        writer.field("rule", decision.rule)
        writer.field("at", decision.at)
        writer.field("outcome", decision.outcome.rawValue)
        writer.field("decided_on", decision.decidedOn)
        writer.field("expires", decision.expires)
        writer.field("file", decision.location.file)
        writer.field("line", decision.location.line)
        writer.field("column", decision.location.column)
        if case .stale(let changes) = notice.status {
            writer.key("changes")
            writer.beginArray()
            for change in changes {
                writer.beginObject()
                writer.field("path", change.path)
                writer.field("old", change.old)
                writer.field("new", change.new)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
    }

    /// `{file, absent: [...]}`: the baseline findings this run no longer has.
    static func write(_ baseline: Report.BaselineInfo, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("file", baseline.file)
        writer.key("absent")
        writer.beginArray()
        for finding in baseline.absent {
            writer.beginObject()
            writer.field("candidate", finding.candidate)
            writer.field("rule", finding.rule)
            writer.field("severity", finding.severity)
            writer.field("path", finding.path)
            writer.field("message", finding.message)
            writer.key("fingerprint")
            writer.beginObject()
            writer.field("identity", finding.fingerprint.identity)
            writer.field("content", finding.fingerprint.content)
            writer.endObject()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    /// `{"baseline": {...}}`, ending in a line break.
    public static func baselineLine(_ baseline: Report.BaselineInfo) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("baseline")
        write(baseline, to: &writer)
        writer.endObject()
        return writer.output + "\n"
    }

    /// `{"decisions": {...}}`, ending in a line break: the JSONL line before the summary.
    public static func decisionsLine(_ decisions: Report.DecisionsInfo) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("decisions")
        write(decisions, to: &writer)
        writer.endObject()
        return writer.output + "\n"
    }
}
