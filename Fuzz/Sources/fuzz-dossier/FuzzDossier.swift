import FuzzerDriver
import RuleEngine

/// libFuzzer entry point: dossier bytes → findings of the shipped rules.
/// Placeholder until the RuleEngine loading and evaluation API is merged into main; the
/// harness is ready on branch `fuzz` and replaces this file then.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDossier(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { 0 }

/// The process entry: SwiftPM aliases `main` to `fuzz_dossier_main` when it links this target.
@_cdecl("fuzz_dossier_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzDossier($0, $1) }
}
