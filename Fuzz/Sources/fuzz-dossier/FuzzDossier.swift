import CEL
import FuzzerDriver
import Reports
import RuleEngine

/// libFuzzer entry point: dossier bytes → validated dossier → findings of the shipped rules →
/// a report line, as `appraise check` does for one file.
///
/// Nothing may trap: an unreadable or invalid dossier is `.invalid` with diagnostics, a rule
/// that fails on odd data is a finding. The harness also checks that an invalid dossier
/// always says why, and that every finding points at a 1-based location.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDossier(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    let shipped = ShippedRules.shared
    let load = DossierLoader.load(bytes: bytes, file: "fuzz.yaml", schema: shipped.schema, limits: shipped.limits)
    let (result, _) = CandidateScreening(evaluator: shipped.evaluator, asOf: shipped.asOf).result(of: load, file: "fuzz.yaml")
    for finding in result.findings {
        precondition(finding.location.line >= 1 && finding.location.column >= 1, "finding before 1:1")
    }
    if result.verdict == .invalid { precondition(!result.errors.isEmpty, "invalid dossier without a diagnostic") }
    _ = JSONReporter.candidateLine(result)
    return 0
}

/// The process entry: SwiftPM aliases `main` to `fuzz_dossier_main` when it links this target.
@_cdecl("fuzz_dossier_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    _ = ShippedRules.shared  // load and compile the rules before the first input
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzDossier($0, $1) }
}
