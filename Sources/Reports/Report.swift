import RuleEngine

/// Where the evaluation date came from (`details.md` §5).
public enum AsOfSource: String, Sendable, Hashable, Codable {
    case option
    case slate
    case today
}

/// One screening or check run, as every report format renders it. A pure value: the
/// reporters read no clock and no file, so the same value always gives the same bytes.
public struct Report: Hashable, Sendable {
    public struct Tool: Hashable, Sendable {
        public var name: String
        public var version: String
        public init(name: String = "appraise", version: String) {
            self.name = name
            self.version = version
        }
    }

    /// The rule set the report was made with, so it can be traced to its exact inputs.
    public struct RuleSetInfo: Hashable, Sendable {
        public var count: Int
        /// `sha256:<hex>` over the sorted (relative path, bytes) of every rule file loaded.
        public var digest: String
        /// The parameters marked `policy: true` (no legal text sets them), so a reader of the
        /// report sees which numbers the committee chose.
        public var policyParams: [String]
        /// Where the rules came from: the `--rules` paths, or the shipped set.
        public var sources: RuleSources
        public init(count: Int, digest: String, policyParams: [String] = [], sources: RuleSources = .shipped) {
            self.count = count
            self.digest = digest
            self.policyParams = policyParams
            self.sources = sources
        }
    }

    /// The slate, when one was screened.
    public struct SlateInfo: Hashable, Sendable {
        /// The slate file, nil for `screen DIR` and `check`.
        public var file: String?
        public var committee: String?
        public var findings: [Finding]
        public init(file: String? = nil, committee: String? = nil, findings: [Finding] = []) {
            self.file = file
            self.committee = committee
            self.findings = findings
        }
    }

    /// Counts by verdict.
    public struct Summary: Hashable, Sendable {
        public var candidates = 0
        public var eligible = 0
        public var review = 0
        public var ineligible = 0
        public var invalid = 0
        /// Findings on the slate as a whole.
        public var slateFindings = 0
        /// Findings, candidate and slate, that a `cleared` decision answers (`decisions.md`).
        public var cleared = 0

        public init() {}

        public init(candidates: [CandidateResult], slateFindings: [Finding] = []) {
            self.candidates = candidates.count
            for candidate in candidates {
                add(candidate.verdict)
                cleared += candidate.findings.count { $0.isCleared }
            }
            self.slateFindings = slateFindings.count
            cleared += slateFindings.count { $0.isCleared }
        }

        public mutating func add(_ verdict: Verdict) {
            switch verdict {
            case .eligible: eligible += 1
            case .review: review += 1
            case .ineligible: ineligible += 1
            case .invalid: invalid += 1
            }
        }
    }

    /// The review decisions of a run (`decisions.md`): how many, the digest of their files
    /// (so a run stays reproducible), and the ones that applied to nothing.
    public struct DecisionsInfo: Hashable, Sendable {
        public var count: Int
        public var digest: String
        public var notices: [DecisionNotice]
        public init(count: Int, digest: String, notices: [DecisionNotice] = []) {
            self.count = count
            self.digest = digest
            self.notices = notices
        }
    }

    /// The baseline a run was compared with (`--baseline`): the findings it had that this
    /// run no longer has.
    public struct BaselineInfo: Hashable, Sendable {
        public var file: String
        public var absent: [BaselineFinding]
        public init(file: String, absent: [BaselineFinding] = []) {
            self.file = file
            self.absent = absent
        }
    }

    public var tool: Tool
    /// `YYYY-MM-DD`.
    public var asOf: String
    public var asOfSource: AsOfSource
    /// The report language, `en` or `vi`.
    public var language: String
    public var rules: RuleSetInfo
    public var candidates: [CandidateResult]
    public var slate: SlateInfo
    public var summary: Summary
    /// The review decisions read, when `--decisions` or the slate named some.
    public var decisions: DecisionsInfo?
    /// The report compared against with `--baseline`, when one was given.
    public var baseline: BaselineInfo?

    public init(
        tool: Tool, asOf: String, asOfSource: AsOfSource, language: String = "en",
        rules: RuleSetInfo, candidates: [CandidateResult], slate: SlateInfo = SlateInfo()
    ) {
        self.tool = tool
        self.asOf = asOf
        self.asOfSource = asOfSource
        self.language = language
        self.rules = rules
        self.candidates = candidates
        self.slate = slate
        self.summary = Summary(candidates: candidates, slateFindings: slate.findings)
    }
}
