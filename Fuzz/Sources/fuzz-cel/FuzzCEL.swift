import CEL
import FuzzerDriver

/// libFuzzer entry point: text → checked CEL program → value.
///
/// Compiling must never trap: a bad expression is a `CompileFailure` whose issues lie inside
/// the text. A compiled program is evaluated on a small activation; evaluation must never trap
/// either (errors are `.error` values) and an error's expression id must map into the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCEL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
    let length = text.utf8.count
    let program: Program
    do {
        program = try Program.compile(text, in: FuzzFixture.environment)
    } catch {
        precondition(!error.issues.isEmpty, "compile failure without issues")
        for issue in error.issues {
            precondition(
                issue.range.lowerBound >= 0 && issue.range.upperBound <= length,
                "issue range \(issue.range) outside text of \(length) bytes")
        }
        return 0
    }
    _ = program.resultType
    let value = program.evaluate(FuzzFixture.activation)
    if case .error(let error) = value, let id = error.exprID, let range = program.range(ofExpr: id) {
        precondition(range.lowerBound >= 0 && range.upperBound <= length, "error range outside text")
    }
    _ = value.displayText
    _ = value.jsonText
    return 0
}

/// The process entry: SwiftPM aliases `main` to `fuzz_cel_main` when it links this target.
@_cdecl("fuzz_cel_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzCEL($0, $1) }
}
