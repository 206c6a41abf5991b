import Diagnostics
import FuzzerDriver
import YAML

/// libFuzzer entry point: bytes → YAML nodes.
///
/// Loading must never trap, whatever the bytes; every problem is a diagnostic. Beyond that,
/// the harness checks what consumers rely on: every location is 1-based, a node never starts after it ends, and walking the
/// tree and rendering every diagnostic works.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    var limits = YAMLLimits()
    limits.maxAliasNodes = 2_000  // keep one input fast; the default is exercised by the tests
    let document = YAMLLoader.load(bytes: bytes, file: "fuzz.yaml", limits: limits)
    if !document.diagnostics.isEmpty {
        // What `appraise` prints: each diagnostic with its source line and caret.
        let source = Source(name: "fuzz.yaml", text: String(decoding: bytes, as: UTF8.self))
        for diagnostic in document.diagnostics { check(diagnostic, source: source) }
    }
    document.root?.walk { _, node in
        precondition(node.start.line >= 1 && node.start.column >= 1, "location before 1:1")
        precondition(
            (node.start.line, node.start.column) <= (node.end.line, node.end.column),
            "node ends before it starts")
    }
    return 0
}

private func check(_ diagnostic: Diagnostic, source: Source) {
    _ = Snippet.render(diagnostic, source: source)
    if let location = diagnostic.location {
        precondition(location.line >= 1 && location.column >= 1, "diagnostic before 1:1")
    }
}

/// The process entry: SwiftPM aliases `main` to `fuzz_yaml_main` when it links this target.
@_cdecl("fuzz_yaml_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzYAML($0, $1) }
}
