import CEL
import Diagnostics

/// What `rules test --coverage` measured: for each rule, the examples and test cases that
/// ran it and whether it fired, and for each condition of its `let`s and `when` (every
/// boolean sub-expression: `&&`/`||` operands, comparisons, `has()`, macro predicates) how
/// often it was true and false. A condition never seen both ways is a gap: two branches each.
public struct CoverageReport: Sendable {
    /// One condition: where it is written, and its outcomes.
    public struct Condition: Sendable {
        /// `when`, or `let NAME`.
        public var expression: String
        public var text: String
        public var location: SourceLocation
        public var trueCount: Int
        public var falseCount: Int

        /// Branches seen: one for true, one for false.
        public var covered: Int { (trueCount > 0 ? 1 : 0) + (falseCount > 0 ? 1 : 0) }
    }

    /// One example or test case that ran the rule.
    public struct Case: Sendable {
        public var name: String
        public var kind: ExampleResult.Kind
        public var location: SourceLocation
        /// The rule gave a finding (not an error finding).
        public var fired: Bool
        /// The case could not run, or the rule failed with an error.
        public var failed: Bool
    }

    public struct RuleCoverage: Sendable {
        public var rule: String
        public var title: String
        public var location: SourceLocation
        public var cases: [Case]
        public var conditions: [Condition]

        public var fired: Int { cases.filter { $0.fired }.count }
        public var passed: Int { cases.filter { !$0.fired && !$0.failed }.count }
        public var coveredBranches: Int { conditions.reduce(0) { $0 + $1.covered } }
        public var totalBranches: Int { conditions.count * 2 }
    }

    public var rules: [RuleCoverage]

    public var coveredBranches: Int { rules.reduce(0) { $0 + $1.coveredBranches } }
    public var totalBranches: Int { rules.reduce(0) { $0 + $1.totalBranches } }
    /// Covered branches in percent (100 when there are none).
    public var percent: Double {
        totalBranches == 0 ? 100 : Double(coveredBranches) * 100 / Double(totalBranches)
    }

    public init(rules: [RuleCoverage]) {
        self.rules = rules
    }

    init(rules compiled: [CompiledRule], results: [ExampleResult], recorder: ConditionRecorder) {
        rules = compiled.map { rule in
            RuleCoverage(
                rule: rule.rule.id, title: rule.rule.title.text(for: "en"), location: rule.rule.idLocation,
                cases: Self.cases(of: rule.rule.id, in: results), conditions: Self.conditions(of: rule, recorder))
        }
    }

    /// The examples of the rule and the test cases that check it.
    static func cases(of id: String, in results: [ExampleResult]) -> [Case] {
        results.filter { $0.rule == id || $0.kind == .test && $0.rule.split(separator: ", ").contains { $0 == id } }
            .map { result in
                let own = result.actual.filter { $0.rule == id }
                var failed = own.contains { $0.severity == .error }
                if case .error = result.outcome { failed = true }
                return Case(
                    name: result.name, kind: result.kind, location: result.location,
                    fired: own.contains { $0.severity != .error }, failed: failed)
            }
    }

    /// Every condition of the rule's `let`s (in order) and `when`, with what was recorded.
    static func conditions(of rule: CompiledRule, _ recorder: ConditionRecorder) -> [Condition] {
        var programs: [(String, Program, EmbeddedSource?, ConditionRecorder.Site)] = []
        for (index, binding) in rule.bindings.enumerated() {
            let source = rule.rule.lets.first { $0.name == binding.name }?.expression.source
            programs.append(("let \(binding.name)", binding.program, source, .binding(index)))
        }
        programs.append(("when", rule.when, rule.rule.when.source, .when))
        var found: [Condition] = []
        for (expression, program, source, site) in programs {
            for id in program.conditionIDs {
                // Where the whole sub-expression starts (its anchor may be an operator inside).
                let offset = program.parsed.sourceInfo.range(of: id)?.lowerBound ?? 0
                let location = source?.location(ofUTF8Offset: offset) ?? rule.rule.location
                let counts = recorder.counts(rule: rule.rule.id, site: site, node: id)
                found.append(Condition(
                    expression: expression, text: program.text(ofExpr: id) ?? "", location: location,
                    trueCount: counts.trueCount, falseCount: counts.falseCount))
            }
        }
        // In reading order; an operator and its left operand start together: the whole first.
        return found.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }
}
