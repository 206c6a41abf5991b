import CEL
import Foundation
import RuleEngine
import TestSupport
import YAML

/// Builds a rule set from one rules text plus the fixture schema, calendar and base dossier,
/// all in memory, so diagnostics read `fx/rules.yaml:LINE:COLUMN`.
enum RuleHarness {
    static let fixtures = packageRoot().appendingPathComponent("RuleEngineTests/Fixtures/rules")

    static func fixture(_ path: String) -> String {
        (try? String(contentsOf: fixtures.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    static func prepare(_ rules: String, tests: [String: String] = [:]) -> PreparedRuleSet {
        var texts = [
            "fx/rules.yaml": rules,
            "fx/schema.yaml": fixture("common/schema.yaml"),
            "fx/calendar.yaml": fixture("common/calendar.yaml"),
            "fx/tests/base.yaml": fixture("common/tests/base.yaml"),
        ]
        for (name, text) in tests { texts["fx/tests/" + name] = text }
        let ruleSet = RuleSetLoader.load(paths: ["fx"], shipped: "shipped", fileSystem: InMemoryFileSystem(texts: texts))
        return PreparedRuleSet.prepare(ruleSet)
    }

    /// The base dossier with `overrides` merged in, validated.
    static func dossier(_ overrides: String, file: String = "d.yaml") -> ObjectValue? {
        dossiers([(overrides, file)]).first ?? nil
    }

    /// Many dossiers, the rule set prepared once: (overrides, file) each.
    static func dossiers(_ entries: [(overrides: String, file: String)]) -> [ObjectValue?] {
        let prepared = prepare("format: rules/1\nrules: []\n")
        guard let schema = prepared.schema else { return entries.map { _ in nil } }
        return entries.map { overrides, file in
            let base = YAMLLoader.load(text: fixture("common/tests/base.yaml"), file: file).root!
            let example = YAMLLoader.load(text: overrides, file: file).root!
            let merged = BaseDossier.merge(base: base, example: example).dossier
            return schema.validate(merged, as: .dossier, file: file, options: ValidationOptions()).value
        }
    }
}
