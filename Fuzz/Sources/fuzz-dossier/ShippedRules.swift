import CEL
import Foundation
import RuleEngine
import YAML

/// The shipped rule set (`rules/` of this repository), read once at start-up and compiled.
/// A rule set that does not compile cleanly stops the fuzzer before the first input, since
/// every finding would then be meaningless.
struct ShippedRules: Sendable {
    let schema: Schema
    let evaluator: Evaluator
    let asOf: CivilDate
    let limits: YAMLLimits

    static let shared = ShippedRules()

    private init() {
        let folder = ProcessInfo.processInfo.environment["APPRAISE_RULES"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../../rules").standardized.path
        let ruleSet = RuleSetLoader.load(paths: [], shipped: folder, fileSystem: Self.readFiles(under: folder))
        let prepared = PreparedRuleSet.prepare(ruleSet)
        guard !prepared.hasErrors, let schema = prepared.schema, let context = prepared.context,
              let asOf = CivilDate(year: 2025, month: 9, day: 20)
        else {
            for diagnostic in prepared.diagnostics { print(diagnostic) }
            fatalError("fuzz-dossier: the rules in \(folder) do not load cleanly")  // harness setup, not input
        }
        self.schema = schema
        evaluator = Evaluator(ruleSet: prepared.compiled, context: context)
        self.asOf = asOf
        var limits = YAMLLimits()
        limits.maxAliasNodes = 2_000  // keep one input fast; the default is exercised by the tests
        self.limits = limits
    }

    /// Every file under `folder`, keyed by its path, for `InMemoryFileSystem`.
    private static func readFiles(under folder: String) -> InMemoryFileSystem {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder + "/" + relative
            if let data = FileManager.default.contents(atPath: path) { files[path] = Array(data) }
        }
        return InMemoryFileSystem(files: files)
    }
}
