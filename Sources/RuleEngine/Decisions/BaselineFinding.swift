/// A finding as an earlier JSON report recorded it: what `--baseline` and `appraise diff`
/// compare with, by the same fingerprints as review decisions.
public struct BaselineFinding: Hashable, Sendable {
    /// The candidate's id; for a slate finding nil (see `subjects`).
    public var candidate: String?
    /// The candidate ids the finding is about (from its fingerprint's inputs as reported).
    public var subjects: [String]
    public var rule: String
    public var severity: String
    public var path: String
    public var message: String
    public var fingerprint: FindingFingerprint
    public var evidence: [EvidenceText]
    /// `open`, `cleared` or `upheld`.
    public var status: String

    public init(
        candidate: String?, subjects: [String], rule: String, severity: String, path: String, message: String,
        fingerprint: FindingFingerprint, evidence: [EvidenceText], status: String
    ) {
        self.candidate = candidate
        self.subjects = subjects
        self.rule = rule
        self.severity = severity
        self.path = path
        self.message = message
        self.fingerprint = fingerprint
        self.evidence = evidence
        self.status = status
    }
}

/// Marks findings against a baseline's, by identity then content (`FingerprintIndex`), and
/// keeps the baseline findings no finding matched: those are `absent` (resolved).
public struct BaselineComparison: Sendable {
    public let baseline: [BaselineFinding]
    private let index: FingerprintIndex
    private var taken: [Bool]

    public init(baseline: [BaselineFinding]) {
        self.baseline = baseline
        self.index = FingerprintIndex(baseline.map { ($0.fingerprint.identity, $0.fingerprint.content) })
        self.taken = Array(repeating: false, count: baseline.count)
    }

    /// The state of a finding, and the baseline finding it matched (nil when new).
    public mutating func match(_ fingerprint: FindingFingerprint) -> (state: BaselineState, old: BaselineFinding?) {
        let free = index.candidates(identity: fingerprint.identity, content: fingerprint.content).first { !taken[$0] }
        guard let position = free else { return (.new, nil) }
        taken[position] = true
        let same = index.sameContent(position, fingerprint.content)
        return (same ? .unchanged : .updated, baseline[position])
    }

    /// Sets `baseline` on each finding.
    public mutating func mark(_ findings: inout [Finding]) {
        for position in findings.indices { findings[position].baseline = match(findings[position].fingerprint).state }
    }

    /// The baseline findings nothing matched, in baseline order.
    public var absent: [BaselineFinding] {
        baseline.indices.filter { !taken[$0] }.map { baseline[$0] }
    }
}
