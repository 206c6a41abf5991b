import ArgumentParser
import Foundation
import Screening
import Server

/// `appraise serve`: the HTTP API of `serve.md` over the same screening library as `check`
/// and `screen`. Only the command line is read here; the server lives in the `Server` target.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API (docs/serve.md): loopback only unless --tokens is given."
    )

    @Option(help: "Address to listen on; any address other than loopback needs --tokens.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp("A folder of slates and dossiers for the workspace endpoints.", valueName: "DIR"))
    var workspace: String?

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule folder or file (repeatable).", valueName: "PATH"))
    var rulePaths: [String] = []

    @Option(help: ArgumentHelp("Tokens file (YAML): tokens: [{name, sha256, role}].", valueName: "FILE"))
    var tokens: String?

    @Flag(help: "Mark the web app's session cookie Secure: pass it when browsers reach the server over HTTPS (a TLS proxy).")
    var secureCookie = false

    @Option(help: ArgumentHelp("Append one JSON line per request to FILE.", valueName: "FILE"))
    var auditLog: String?

    @Option(help: "Largest request body, in bytes (default: the file size limit).")
    var maxBodyBytes: Int?

    @Option(help: "Seconds a request may take before it answers 503.")
    var requestTimeout = 30.0

    @Option(help: "Evaluations at once (default: two per core); more wait, and beyond a queue get 503.")
    var maxConcurrent: Int?

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if let maxBodyBytes, maxBodyBytes < 1 { throw ValidationError("--max-body-bytes must be at least 1") }
        if let maxConcurrent, maxConcurrent < 1 { throw ValidationError("--max-concurrent must be at least 1") }
        if !(requestTimeout > 0) { throw ValidationError("--request-timeout must be more than 0") }
        if !(1...65_535).contains(port) { throw ValidationError("--port must be 1 to 65535") }
    }

    /// Serves until SIGTERM or SIGINT (in-flight requests finish first), then exits 0; exits 2
    /// when the options, the tokens or the rules are wrong, or the address cannot be bound.
    func run() throws {
        // Before any task: the event loops run the server's tasks (one thread per request).
        AppraiseServer.runTasksOnEventLoops()
        let server: AppraiseServer
        do throws(CLIError) {
            server = try makeServer()
        } catch {
            Terminal.printError(error.description)
            throw ExitStatus.badInput.exitCode
        }
        Terminal.printError("appraise serve: listening on http://\(host):\(port)")
        // The command line is synchronous; the server runs on its event loops while the main
        // thread waits for it to stop.
        let stopped = DispatchSemaphore(value: 0)
        let failure = ServeFailure()
        Task {
            do { try await server.run() } catch { failure.message = "\(error)" }
            stopped.signal()
        }
        stopped.wait()
        if let message = failure.message {
            Terminal.printError("error: the server stopped: \(message)")
            throw ExitStatus.badInput.exitCode
        }
    }

    private func makeServer() throws(CLIError) -> AppraiseServer {
        var options = ServerOptions(toolVersion: Appraise.configuration.version)
        options.host = host
        options.port = port
        options.rulePaths = rulePaths
        options.workspace = workspace.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        options.auditLogPath = auditLog
        options.secureCookie = secureCookie
        options.limits = limits.yamlLimits
        options.evaluationLimits = limits.evaluationLimits
        options.maxBodyBytes = maxBodyBytes ?? limits.maxFileBytes
        options.requestTimeout = requestTimeout
        options.maxConcurrent = maxConcurrent ?? 2 * ProcessInfoCores.count
        if let workspace, FileKind.of(workspace) != .directory {
            throw CLIError.io(path: workspace, reason: "no such folder (given with --workspace)")
        }
        if let tokens {
            let bytes: [UInt8]
            switch FileReader.read(tokens, limit: limits.maxFileBytes) {
            case .success(let read): bytes = read
            case .failure(let failure): throw CLIError.io(path: tokens, reason: failure.message)
            }
            let (store, diagnostics) = TokenStore.parse(bytes: bytes, file: tokens)
            DiagnosticPrinter().printAll(diagnostics)
            guard let store else { throw CLIError.inputInvalid(tokens) }
            options.tokens = store
        }
        // Prints the rule set's problems with their lines, and stops on errors.
        _ = try RuleSetSession.loadForScreening(
            paths: rulePaths, maxFileBytes: limits.maxFileBytes, language: .en, allowEmptyRules: false)
        let store = try RuleSetStore(paths: rulePaths, maxFileBytes: limits.maxFileBytes)
        return try AppraiseServer(options: options, store: store)
    }
}

/// Why the server stopped, handed from its task to the waiting main thread.
private final class ServeFailure: @unchecked Sendable {
    var message: String?
}
