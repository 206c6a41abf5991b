import CEL
import Diagnostics
import FuzzerDriver
import Foundation
import RuleEngine

/// libFuzzer entry point: the bytes of a whole rule file (schema-checked expressions,
/// `params`, `let`s, messages, examples) → a rule set beside the shipped schema and calendar
/// → compiled rules → lint of the examples → the candidate rules on the shipped base dossier,
/// as `appraise rules lint` and `appraise check` do.
///
/// Nothing may trap, hang or exhaust memory: a bad file is diagnostics, an expensive rule is
/// a cost-limit finding. The harness also checks that every diagnostic is located at a 1-based
/// line and column of a file the set read, that it renders with its snippet, and that every
/// finding is located.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    let shipped = ShippedFiles.shared
    var files = shipped.files
    files["fuzz/rules.yaml"] = bytes
    let ruleSet = RuleSetLoader.load(paths: ["fuzz"], shipped: shipped.folder, fileSystem: InMemoryFileSystem(files: files))
    let prepared = PreparedRuleSet.prepare(ruleSet)
    let source = Source(name: "fuzz/rules.yaml", text: String(decoding: bytes, as: UTF8.self))
    for diagnostic in prepared.diagnostics + ExampleRunner(prepared: prepared).exampleDiagnostics() {
        if let location = diagnostic.location {
            precondition(location.line >= 1 && location.column >= 1, "diagnostic before 1:1: \(diagnostic)")
        }
        _ = Snippet.render(diagnostic, source: diagnostic.location?.file == source.name ? source : nil)
    }
    guard let context = prepared.context, let schema = prepared.schema else { return 0 }
    let rules = prepared.compiled.candidateRules
    guard !rules.isEmpty, let base = shipped.base,
          case .loaded(let dossier, _) = DossierLoader.load(bytes: base, file: "base.yaml", schema: schema)
    else { return 0 }
    var evaluator = Evaluator(rules: rules, context: context)
    evaluator.limits = EvaluationLimits(maxSteps: 100_000, maxBytes: 1 << 20)  // one input stays fast
    for finding in evaluator.evaluate(dossier: dossier.value, asOf: shipped.asOf) {
        precondition(finding.location.line >= 1 && finding.location.column >= 1, "finding before 1:1")
    }
    return 0
}

/// The process entry: SwiftPM aliases `main` to `fuzz_rules_main` when it links this target.
@_cdecl("fuzz_rules_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    _ = ShippedFiles.shared  // read the shipped files before the first input
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzRules($0, $1) }
}

/// The shipped schema, calendar and base dossier (`rules/` of this repository), read once.
struct ShippedFiles: Sendable {
    let folder: String
    let files: [String: [UInt8]]
    let base: [UInt8]?
    let asOf: CivilDate

    static let shared = ShippedFiles()

    private init() {
        folder = ProcessInfo.processInfo.environment["APPRAISE_RULES"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../../rules").standardized.path
        var files: [String: [UInt8]] = [:]
        for name in ["schema.yaml", "calendar.yaml", "tests/base.yaml"] {
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                fatalError("fuzz-rules: \(path) is missing")  // harness setup, not input
            }
            files[path] = Array(data)
        }
        self.files = files
        base = files[folder + "/tests/base.yaml"]
        asOf = CivilDate(year: 2025, month: 9, day: 20)!
    }
}
