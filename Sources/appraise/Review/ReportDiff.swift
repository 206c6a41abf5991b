import RuleEngine
import Screening

/// What changed between two JSON reports of the same slate (`appraise diff`): candidates
/// added and removed, verdict changes, and findings new, resolved or updated, matched by the
/// same core as review decisions and `--baseline` (`BaselineComparison`).
struct ReportDiff {
    struct VerdictChange {
        var candidate: String
        var old: String
        var new: String
    }

    struct FindingChange {
        enum Kind: String {
            case new
            case resolved
            case updated
        }

        var kind: Kind
        /// The candidate id, or the ids involved for a slate finding (`slate` when none).
        var subject: String
        var rule: String
        var path: String
        var message: String
        var changes: [EvidenceChange]
    }

    var old: JSONReportFile
    var new: JSONReportFile
    var added: [String] = []
    var removed: [String] = []
    var verdicts: [VerdictChange] = []
    var findings: [FindingChange] = []

    var rulesDiffer: Bool { old.rulesDigest != new.rulesDigest }
    var isEmpty: Bool { added.isEmpty && removed.isEmpty && verdicts.isEmpty && findings.isEmpty }

    init(old: JSONReportFile, new: JSONReportFile) {
        self.old = old
        self.new = new
        let oldIDs = Set(old.candidates.map(\.id)), newIDs = Set(new.candidates.map(\.id))
        added = new.candidates.map(\.id).filter { !oldIDs.contains($0) }
        removed = old.candidates.map(\.id).filter { !newIDs.contains($0) }
        let oldVerdicts = Dictionary(old.candidates.map { ($0.id, $0.verdict) }, uniquingKeysWith: { first, _ in first })
        for candidate in new.candidates {
            if let was = oldVerdicts[candidate.id], was != candidate.verdict {
                verdicts.append(VerdictChange(candidate: candidate.id, old: was, new: candidate.verdict))
            }
        }
        var comparison = BaselineComparison(baseline: old.allFindings)
        for finding in new.allFindings {
            let (state, before) = comparison.match(finding.fingerprint)
            switch state {
            case .unchanged: continue
            case .new: findings.append(Self.change(.new, finding, changes: []))
            case .updated:
                findings.append(Self.change(.updated, finding, changes: EvidenceChange.between(before?.evidence ?? [], finding.evidence)))
            }
        }
        for finding in comparison.absent { findings.append(Self.change(.resolved, finding, changes: [])) }
    }

    private static func change(_ kind: FindingChange.Kind, _ finding: BaselineFinding, changes: [EvidenceChange]) -> FindingChange {
        let subject = finding.candidate ?? (finding.subjects.isEmpty ? "slate" : finding.subjects.joined(separator: ", "))
        return FindingChange(
            kind: kind, subject: subject, rule: finding.rule, path: finding.path, message: finding.message, changes: changes)
    }
}
