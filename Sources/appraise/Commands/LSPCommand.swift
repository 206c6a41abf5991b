import ArgumentParser
import LanguageServer
import YAML

#if canImport(Glibc)
import Glibc
#endif

/// `appraise lsp`: the language server for editors, on standard input and output.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP over stdin/stdout) for rule files and dossiers.",
        discussion: """
            Editors start it; see docs/editor.md. Rule files are checked with their own folder's \
            rule set, dossiers and slates with --rules (default: the shipped rules/). Exits when \
            standard input closes: 0 after a shutdown request, 1 otherwise.
            """
    )

    @Option(name: .customLong("rules"), help: "Rule set dossiers and slates are validated with (repeatable).")
    var rulePaths: [String] = []

    @Option(help: "Largest file read from disk, in bytes.")
    var maxFileBytes: Int = YAMLLimits.default.maxFileBytes

    @Option(help: "Quiet time after a change before diagnostics are recomputed, in milliseconds.")
    var debounce: Int = 250

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer(
            configuration: .init(
                fileSystem: DiskFileSystem(maxFileBytes: maxFileBytes), shippedRules: RuleSetLocator.shippedRules(),
                dossierRules: rulePaths, debounceMilliseconds: max(0, debounce),
                version: Appraise.configuration.version),
            send: StandardOutputWriter.write)
        let status = server.run(input: StandardInputStream())
        throw ExitCode(status)
    }
}
