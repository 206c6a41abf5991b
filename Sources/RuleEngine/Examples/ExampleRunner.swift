import CEL
import Diagnostics
import YAML

/// Runs every rule's `examples` and every test file (`appraise rules test`). An example runs
/// only its own rule: a `triggers` entry needs at least one finding of it, a `passes` entry
/// none. Results are values; `ExampleReport` renders them as text or JUnit XML.
public struct ExampleRunner: Sendable {
    public let prepared: PreparedRuleSet
    public let language: String

    public init(prepared: PreparedRuleSet, language: String = "en") {
        self.prepared = prepared
        self.language = language
    }

    /// Every example of every compiled rule, then every test file.
    public func run() -> ExampleReport { run(observer: nil) }

    /// The same, with what the examples and tests exercised of each rule's conditions.
    public func runWithCoverage() -> (report: ExampleReport, coverage: CoverageReport) {
        let recorder = ConditionRecorder()
        let report = run(observer: recorder)
        return (report, CoverageReport(rules: prepared.compiled.rules, results: report.results, recorder: recorder))
    }

    func run(observer: (any RuleObserver)?) -> ExampleReport {
        var problems = prepared.diagnostics.filter { $0.severity == .error }
        guard let context = prepared.context, let schema = prepared.schema else {
            return ExampleReport(results: [], problems: problems)
        }
        var inputs = ExampleInputs(schema: schema, context: context, base: baseNode(&problems), language: language)
        inputs.observer = observer
        var results: [ExampleResult] = []
        for rule in prepared.compiled.rules {
            results += examples(of: rule, inputs: inputs)
        }
        for file in prepared.ruleSet.testFiles {
            var reader = RulesTestFile(file: file, inputs: inputs, rules: prepared.compiled.rules)
            results += reader.run()
            problems += reader.problems
        }
        return ExampleReport(results: results, problems: problems)
    }

    /// `rules/tests/base.yaml` as a node; a problem when missing and a candidate rule needs it.
    func baseNode(_ problems: inout [Diagnostic]) -> Node? {
        guard let file = prepared.ruleSet.baseDossier else {
            if !prepared.compiled.candidateRules.isEmpty {
                problems.append(ExampleMessages.noBase())
            }
            return nil
        }
        let document = YAMLLoader.load(bytes: file.bytes, file: file.path)
        problems += document.diagnostics.filter { $0.severity == .error }
        return document.root
    }

    /// The results of one rule's `triggers` and `passes`.
    func examples(of rule: CompiledRule, inputs: ExampleInputs) -> [ExampleResult] {
        var results: [ExampleResult] = []
        let kinds: [(ExampleResult.Kind, [Node])] = [(.triggers, rule.rule.examples.triggers), (.passes, rule.rule.examples.passes)]
        for (kind, nodes) in kinds {
            for (index, node) in nodes.enumerated() {
                let run = inputs.findings(of: [rule], example: node, asOf: nil, fallback: rule.rule.examplesAsOf)
                let name = "\(rule.rule.id) \(kind.rawValue)[\(index)]"
                let expected = kind == .triggers ? "at least one finding of \(rule.rule.id)" : "no finding of \(rule.rule.id)"
                var result = ExampleResult(
                    name: name, rule: rule.rule.id, kind: kind, location: node.start, outcome: .passed,
                    expected: [expected], actual: [])
                switch run {
                case .failure(let problems):
                    result.outcome = .error(problems.diagnostics)
                case .success(let findings):
                    result.actual = findings
                    let triggered = findings.contains { $0.severity != .error }
                    if kind == .triggers, !triggered {
                        result.outcome = .failed("expected \(expected), got \(ExampleInputs.describe(findings))")
                        result.misses = inputs.misses(of: rule, example: node, fallback: rule.rule.examplesAsOf)
                    } else if kind == .passes, !findings.isEmpty {
                        result.outcome = .failed("expected \(expected), got \(ExampleInputs.describe(findings))")
                    }
                }
                results.append(result)
            }
        }
        return results
    }
}

/// Why an example could not run.
struct ExampleProblems: Error {
    var diagnostics: [Diagnostic]
}

/// What running an example needs: the schema to validate it, the compiled context, the base.
struct ExampleInputs {
    let schema: Schema
    let context: RuleContext
    let base: Node?
    let language: String
    /// Watches every rule evaluated (`rules test --coverage`).
    var observer: (any RuleObserver)? = nil

    /// The findings `rules` give for an example: a partial dossier for candidate rules, a
    /// `{slate, candidates}` mapping for slate rules.
    func findings(of rules: [CompiledRule], example: Node, asOf asOfNode: Node?, fallback: CivilDate?)
        -> Result<[Finding], ExampleProblems>
    {
        let isSlate = rules.first?.rule.scope == .slate
        guard let date = date(asOfNode ?? example["as_of"], fallback: fallback, at: example) else {
            return .failure(ExampleProblems(diagnostics: [ExampleMessages.noDate(at: example.start)]))
        }
        return isSlate ? slateFindings(rules, example: example, asOf: date)
            : candidateFindings(rules, example: example, asOf: date)
    }

    private func date(_ node: Node?, fallback: CivilDate?, at example: Node) -> CivilDate? {
        guard let node else { return fallback }
        return node.scalar.flatMap { CivilDate(iso: $0.text) }
    }

    /// Merges onto the base dossier and validates; the typed dossier or its problems.
    func dossier(_ example: Node) -> Result<ObjectValue, ExampleProblems> {
        guard let base else { return .failure(ExampleProblems(diagnostics: [ExampleMessages.noBase()])) }
        let merged = BaseDossier.merge(base: base, example: example).dossier
        let validated = schema.validate(merged, as: .dossier, file: example.start.file, options: ValidationOptions())
        guard let value = validated.value else {
            return .failure(ExampleProblems(diagnostics: validated.diagnostics.filter { $0.severity == .error }))
        }
        return .success(value)
    }

    /// Why a candidate rule gave no finding on an example (empty for slate rules).
    func misses(of rule: CompiledRule, example: Node, fallback: CivilDate?) -> [RuleMiss] {
        guard rule.rule.scope == .candidate, let asOf = date(example["as_of"], fallback: fallback, at: example),
            case .success(let value) = dossier(example)
        else { return [] }
        return Evaluator(rules: [rule], context: context).misses(
            rule, dossier: value, asOf: asOf, language: language, params: context.paramsOn(asOf))
    }

    private func candidateFindings(_ rules: [CompiledRule], example: Node, asOf: CivilDate) -> Result<[Finding], ExampleProblems> {
        let slate: Value
        switch exampleSlate(example) {
        case .success(let value): slate = value
        case .failure(let failure): return .failure(failure)
        }
        return dossier(example).map { value in
            let evaluator = Evaluator(rules: rules, context: context)
            let params = context.paramsOn(asOf)
            return rules.flatMap {
                evaluator.evaluate($0, dossier: value, asOf: asOf, language: language, slate: slate, params: params,
                                   fallback: nil, observer: observer)
            }.sorted(by: Finding.reportOrder)
        }
    }

    /// A candidate rule example's reserved `slate` key, validated as a slate file's `slate`
    /// mapping: what the rule sees as `slate` (null without it), as when a dossier is screened
    /// on a slate.
    func exampleSlate(_ example: Node) -> Result<Value, ExampleProblems> {
        guard let slateNode = example["slate"] else { return .success(.null) }
        let validated = schema.validate(
            BaseDossier.slateFile(slateNode), as: .slate, file: slateNode.start.file, options: ValidationOptions())
        guard let file = validated.value, let value = file.field("slate") else {
            return .failure(ExampleProblems(diagnostics: validated.diagnostics.filter { $0.severity == .error }))
        }
        return .success(value)
    }

    private func slateFindings(_ rules: [CompiledRule], example: Node, asOf: CivilDate) -> Result<[Finding], ExampleProblems> {
        var problems: [Diagnostic] = []
        var candidates: [ObjectValue] = []
        for item in example["candidates"]?.sequence ?? [] {
            switch dossier(item) {
            case .success(let value): candidates.append(value)
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        var slate = Value.null
        var slateLocation: FindingLocation?
        if let slateNode = example["slate"] {
            let validated = schema.validate(
                BaseDossier.slateFile(slateNode), as: .slate, file: slateNode.start.file, options: ValidationOptions())
            problems += validated.diagnostics.filter { $0.severity == .error }
            if let file = validated.value, let value = file.field("slate") { slate = value }
            slateLocation = FindingLocation(slateNode.start, path: "slate", end: slateNode.end)
        }
        guard problems.isEmpty else { return .failure(ExampleProblems(diagnostics: problems)) }
        let evaluator = SlateEvaluator(rules: rules, context: context)
        return .success(evaluator.evaluate(
            candidates: candidates, slate: slate, slateLocation: slateLocation, asOf: asOf, language: language,
            params: nil, observer: observer))
    }

    /// `none`, or `X at path (message)`, ...
    static func describe(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "none" }
        return findings.map { "\($0.rule) at \($0.location.path) (\($0.message))" }.joined(separator: "; ")
    }
}

/// Diagnostics of `rules test`.
enum ExampleMessages {
    static func noBase() -> Diagnostic {
        Diagnostic(
            code: "example.no-base", message: "no base dossier: rules/tests/base.yaml is missing", location: nil)
    }

    static func noDate(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "example.no-date",
            message: "the example has no valid 'as_of' and its file has no 'examples_as_of'", location: location)
    }

    static func unknownRule(_ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "test.unknown-rule", message: "no rule '\(id)' in the rule set; this test cannot fail",
            location: location)
    }

    static func checksNothing(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "test.checks-nothing", message: "the test names no rule in 'expect' or 'absent'; it cannot fail",
            location: location)
    }

    static func badTestFile(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(code: "test.bad-file", message: message, location: location)
    }
}
