import Diagnostics
import Testing

@testable import RuleEngine

/// How decisions apply (`decisions.md`, How decisions apply), on findings made in memory.
@Suite struct DecisionLedgerTests {
    static func finding(_ rule: String, _ severity: Severity, path: String, value: Int64) -> Finding {
        Finding(
            rule: rule, severity: severity, title: "t", message: "m", basis: "b",
            location: FindingLocation(file: "a.yaml", line: 1, column: 1, path: path),
            evidence: [EvidenceItem(location: FindingLocation(file: "a.yaml", line: 2, column: 1, path: path + ".v"), value: .int(value))],
            subjects: ["C-1"])
    }

    static func decision(
        _ rule: String, at: String, outcome: DecisionOutcome = .cleared, content: String? = nil, evidence: [EvidenceText] = [],
        on: String = "2025-08-01", expires: String? = nil, line: Int
    ) -> ReviewDecision {
        ReviewDecision(
            subjects: ["C-1"], isSlate: false, rule: rule, at: at, content: content, evidence: evidence, outcome: outcome,
            reason: "r", decidedBy: "b", decidedOn: on, reference: nil, expires: expires,
            location: SourceLocation(file: "d.yaml", line: line, column: 5), path: "decisions[\(line)]")
    }

    @Test func eachStatus() {
        var findings = [
            Self.finding("A", .review, path: "x[0]", value: 1), Self.finding("B", .review, path: "x[1]", value: 2),
            Self.finding("C", .review, path: "x[2]", value: 3), Self.finding("D", .review, path: "x[3]", value: 4),
            Self.finding("E", .review, path: "x[4]", value: 5),
        ]
        let old = Self.finding("C", .review, path: "x[2]", value: 30).fingerprint.content
        let decisions = [
            Self.decision("A", at: "x[0]", content: findings[0].fingerprint.content, line: 1),  // applies
            Self.decision("B", at: "x[1]", outcome: .upheld, line: 2),  // applies, no content
            Self.decision("C", at: "x[2]", content: old, evidence: [EvidenceText(path: "x[2].v", value: "30")], line: 3),
            Self.decision("D", at: "x[3]", expires: "2025-09-20", line: 4),  // expires on as_of: expired
            Self.decision("E", at: "x[4]", on: "2025-09-21", line: 5),  // not yet
            Self.decision("A", at: "x[9]", line: 6),  // unmatched
            Self.decision("E", at: "x[4]", content: old, line: 7),  // stale, no evidence recorded
        ]
        var ledger = DecisionLedger(decisions: decisions, digest: "d")
        #expect(ledger.apply(to: &findings, asOf: "2025-09-20").isEmpty)
        #expect(findings.map { $0.decision?.outcome.rawValue ?? "open" } == ["cleared", "upheld", "open", "open", "open"])
        #expect(ledger.notices.map { "\($0.decision.location.line) \($0.status.name)" } == [
            "3 stale", "4 expired", "5 not yet", "6 unmatched", "7 stale",
        ])
        #expect(ledger.notices[0].status == .stale([EvidenceChange(path: "x[2].v", old: "30", new: "3")]))
        #expect(ledger.notices[4].status == .stale([]))
        #expect(Verdict.of(findings: [findings[0]]) == .eligible)
        #expect(Verdict.of(findings: [findings[0], findings[1]]) == .review)
    }

    @Test func errorFindingsAreRefusedAndDisqualifyRulesAndOverlapsAreErrors() {
        var findings = [Self.finding("A", .error, path: "candidate", value: 1)]
        var ledger = DecisionLedger(decisions: [Self.decision("A", at: "candidate", line: 1)], digest: "d")
        let problems = ledger.apply(to: &findings, asOf: "2025-09-20")
        #expect(problems.map(\.code) == ["decision.error-finding"])
        #expect(findings[0].decision == nil)
        let checked = DecisionsLoader.check(
            [
                Self.decision("DQ", at: "x", line: 1),
                Self.decision("A", at: "x", on: "2025-01-01", expires: "2025-06-01", line: 2),
                Self.decision("A", at: "x", on: "2025-06-01", line: 3),  // starts when the other ends: fine
                Self.decision("A", at: "x", on: "2025-05-01", line: 4),  // overlaps line 2
            ], severity: { $0 == "DQ" ? .disqualify : .review })
        #expect(checked.map { "\($0.location?.line ?? 0) \($0.code)" } == ["1 decision.disqualify", "4 decision.duplicate"])
    }
}
