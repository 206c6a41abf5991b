import Diagnostics
import Screening
import YAML

/// Prints diagnostics the way compilers do — `file:line:column: error: message [code]`, the
/// offending line and a caret — reading each file's text once, from bytes already loaded or
/// from disk.
final class DiagnosticPrinter {
    private var sources: [String: Source] = [:]
    private let maxFileBytes: Int

    init(preloaded: [Source] = [], maxFileBytes: Int = YAMLLimits.default.maxFileBytes) {
        self.maxFileBytes = maxFileBytes
        for source in preloaded { sources[source.name] = source }
    }

    /// The diagnostic with its source line and caret.
    func render(_ diagnostic: Diagnostic) -> String {
        Snippet.render(diagnostic, source: diagnostic.location.flatMap { source(for: $0.file) })
    }

    /// Writes every diagnostic to standard error, in order.
    func printAll(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { Terminal.printError(render(diagnostic)) }
    }

    private func source(for file: String) -> Source? {
        if let source = sources[file] { return source }
        guard case .success(let bytes) = FileReader.read(file, limit: maxFileBytes) else { return nil }
        let source = Source(name: file, text: String(decoding: bytes, as: UTF8.self))
        sources[file] = source
        return source
    }
}
