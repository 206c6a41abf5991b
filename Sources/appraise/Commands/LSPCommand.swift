import ArgumentParser
import LanguageServer
import YAML

#if canImport(Glibc)
import Glibc
import Screening
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
        // Editors send absolute paths; the rule sets must be absolute too, so that an open
        // (edited) rule file is the one the dossiers are checked with.
        let server = LanguageServer(
            configuration: .init(
                fileSystem: DiskFileSystem(maxFileBytes: maxFileBytes),
                shippedRules: RuleSetLocator.shippedRules().map(Self.absolute),
                dossierRules: rulePaths.map(Self.absolute), debounceMilliseconds: max(0, debounce),
                version: Appraise.configuration.version),
            send: StandardOutputWriter.write)
        let status = server.run(input: StandardInputStream())
        throw ExitCode(status)
    }

    /// `path` from the working folder, when relative.
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let folder = getcwd(nil, 0) else { return path }
        defer { free(folder) }
        let base = String(cString: folder)
        return path == "." ? base : (base.hasSuffix("/") ? base : base + "/") + path
    }
}
