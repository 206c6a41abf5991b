import RuleEngine

/// libFuzzer entry point: dossier bytes → findings of the shipped rules.
/// Placeholder until the RuleEngine loading and evaluation API is merged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDossier(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { 0 }
