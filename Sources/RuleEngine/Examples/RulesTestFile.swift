import Diagnostics
import YAML

/// One `rules-test/1` file: named cases, each a partial dossier (or a slate) with the exact
/// findings expected (`expect`) and rules that must stay silent (`absent`).
struct RulesTestFile {
    /// One expected finding: a rule, and optionally the path it is located at.
    struct Expectation {
        var rule: String
        var path: String?
        var location: SourceLocation

        var text: String { path.map { "\(rule) at \($0)" } ?? rule }
    }

    let file: LoadedFile
    let inputs: ExampleInputs
    let rules: [CompiledRule]
    var problems: [Diagnostic] = []

    init(file: LoadedFile, inputs: ExampleInputs, rules: [CompiledRule]) {
        self.file = file
        self.inputs = inputs
        self.rules = rules
    }

    mutating func run() -> [ExampleResult] {
        let document = YAMLLoader.load(bytes: file.bytes, file: file.path)
        problems += document.diagnostics.filter { $0.severity == .error }
        let start = SourceLocation(file: file.path, line: 1, column: 1)
        guard let root = document.root, root["format"]?.scalar?.text == "rules-test/1" else {
            problems.append(ExampleMessages.badTestFile("a test file needs 'format: rules-test/1'", at: start))
            return []
        }
        guard let tests = root["tests"]?.sequence else {
            problems.append(ExampleMessages.badTestFile("a test file needs a 'tests' list", at: root.start))
            return []
        }
        return tests.compactMap { runCase($0) }
    }

    /// One case; nil (with a problem) when it cannot fail.
    private mutating func runCase(_ node: Node) -> ExampleResult? {
        let name = node["name"]?.scalar?.text ?? "\(file.path):\(node.start.line)"
        let expected = expectations(node["expect"])
        let absent = (node["absent"]?.sequence ?? []).compactMap { item in
            item.scalar.map { Expectation(rule: $0.text, path: nil, location: item.start) }
        }
        var checked: [CompiledRule] = []
        for expectation in expected + absent {
            guard let rule = rules.first(where: { $0.rule.id == expectation.rule }) else {
                problems.append(ExampleMessages.unknownRule(expectation.rule, at: expectation.location))
                return nil
            }
            if !checked.contains(where: { $0 === rule }) { checked.append(rule) }
        }
        guard !checked.isEmpty else {
            problems.append(ExampleMessages.checksNothing(at: node.start))
            return nil
        }
        var result = ExampleResult(
            name: name, rule: checked.map(\.rule.id).joined(separator: ", "), kind: .test, location: node.start,
            outcome: .passed,
            expected: expected.map(\.text) + absent.map { "no finding of \($0.rule)" }, actual: [])
        let example = node["dossier"] ?? node
        for scope in [RuleScope.candidate, .slate] {
            let group = checked.filter { $0.rule.scope == scope }
            guard !group.isEmpty else { continue }
            switch inputs.findings(of: group, example: example, asOf: node["as_of"], fallback: nil) {
            case .failure(let failure):
                result.outcome = .error(failure.diagnostics)
                return result
            case .success(let findings):
                result.actual += findings
            }
        }
        if let mismatch = Self.compare(expected: expected, actual: result.actual) {
            result.outcome = .failed(mismatch)
        }
        return result
    }

    /// `expect`: rule ids, or `{rule, at}` mappings.
    private mutating func expectations(_ node: Node?) -> [Expectation] {
        var list: [Expectation] = []
        for item in node?.sequence ?? [] {
            if let scalar = item.scalar {
                list.append(Expectation(rule: scalar.text, path: nil, location: item.start))
            } else if let rule = item["rule"]?.scalar?.text {
                list.append(Expectation(rule: rule, path: item["at"]?.scalar?.text, location: item.start))
            } else {
                problems.append(ExampleMessages.badTestFile("an 'expect' entry needs a rule id", at: item.start))
            }
        }
        return list
    }

    /// Nil when every expected finding is matched by one actual finding and nothing is left.
    static func compare(expected: [Expectation], actual: [Finding]) -> String? {
        var remaining = actual
        var missing: [String] = []
        for expectation in expected {
            if let index = remaining.firstIndex(where: {
                $0.rule == expectation.rule && (expectation.path == nil || $0.location.path == expectation.path)
                    && $0.severity != .error
            }) {
                remaining.remove(at: index)
            } else {
                missing.append(expectation.text)
            }
        }
        guard !missing.isEmpty || !remaining.isEmpty else { return nil }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("missing " + missing.joined(separator: ", ")) }
        if !remaining.isEmpty { parts.append("unexpected " + ExampleInputs.describe(remaining)) }
        return parts.joined(separator: "; ")
    }
}
