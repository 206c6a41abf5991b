import Diagnostics
import RuleEngine

/// `appraise lsp`: a Language Server Protocol server for rule files, rule tests, the schema,
/// the calendar, dossiers and slates. It answers from the engine's own loaders and checker,
/// so what the editor shows is what `rules lint` and `check` print.
///
/// One thread: messages are handled in order; diagnostics of changed documents are published
/// once the client has been quiet for `debounceMilliseconds` (typing does not re-check the
/// rule set on every key).
public final class LanguageServer {
    /// What the server needs from the command line.
    public struct Configuration {
        /// The real file system (the library does no I/O itself).
        public var fileSystem: any RuleFileSystem
        /// The shipped `rules/`, the fallback for the schema, calendar and base dossier.
        public var shippedRules: String?
        /// The rule set dossiers are validated with (the shipped one when empty).
        public var dossierRules: [String]
        public var debounceMilliseconds: Int
        public var version: String

        public init(
            fileSystem: any RuleFileSystem, shippedRules: String?, dossierRules: [String] = [],
            debounceMilliseconds: Int = 250, version: String = "0.1.0"
        ) {
            self.fileSystem = fileSystem
            self.shippedRules = shippedRules
            self.dossierRules = dossierRules
            self.debounceMilliseconds = debounceMilliseconds
            self.version = version
        }
    }

    enum State {
        case uninitialized, running, shutDown
    }

    let configuration: Configuration
    let workspace: Workspace
    var state = State.uninitialized
    /// Set by `exit`: the loop stops.
    var exitCode: Int32?
    private let send: ([UInt8]) -> Void

    /// `send` writes one framed message to the client.
    public init(configuration: Configuration, send: @escaping ([UInt8]) -> Void) {
        self.configuration = configuration
        self.send = send
        workspace = Workspace(
            fileSystem: configuration.fileSystem, shippedRules: configuration.shippedRules,
            dossierRules: configuration.dossierRules)
    }

    /// Serves until `exit` or the end of the input; the exit status is 0 after `shutdown`,
    /// 1 otherwise (LSP "exit" notification).
    public func run<Stream: ByteStream>(input: Stream) -> Int32 {
        var reader = FrameReader(stream: input)
        while exitCode == nil {
            let dirty = workspace.documents.values.contains { $0.dirty }
            switch reader.next(waitingAtMost: dirty ? configuration.debounceMilliseconds : -1) {
            case .body(let bytes): receive(bytes)
            case .badHeader: continue
            case .idle: publishDirty()
            case .closed:
                publishDirty()
                return state == .shutDown ? 0 : 1
            }
        }
        return exitCode ?? 1
    }

    /// Handles one message body.
    func receive(_ body: [UInt8]) {
        guard let json = JSON.parse(body) else {
            emit(OutgoingMessage.error(id: .null, .parseError, "the message is not valid JSON"))
            return
        }
        switch IncomingMessage(json) {
        case .request(let id, let method, let params):
            do {
                emit(OutgoingMessage.result(id: id, try request(method, params)))
            } catch {
                emit(OutgoingMessage.error(id: id, error.code, error.message))
            }
        case .notification(let method, let params): notification(method, params)
        case .response: break
        case .invalid(let id, let reason): emit(OutgoingMessage.error(id: id, .invalidRequest, reason))
        }
    }

    func emit(_ message: JSON) {
        send(MessageFramer.frame(message))
    }

    private func request(_ method: String, _ params: JSON) throws(RequestFailure) -> JSON {
        switch state {
        case .uninitialized where method != "initialize":
            throw RequestFailure(code: .serverNotInitialized, message: "the server is not initialized")
        case .shutDown:
            throw RequestFailure(code: .invalidRequest, message: "the server is shut down")
        default: break
        }
        switch method {
        case "initialize":
            guard state == .uninitialized else {
                throw RequestFailure(code: .invalidRequest, message: "the server is already initialized")
            }
            state = .running
            return initializeResult
        case "shutdown":
            state = .shutDown
            return .null
        default:
            return try feature(method, params)
        }
    }

    private func notification(_ method: String, _ params: JSON) {
        if method == "exit" {
            exitCode = state == .shutDown ? 0 : 1
            return
        }
        guard state == .running else { return }
        switch method {
        case "textDocument/didOpen":
            guard let item = params["textDocument"], let uri = item["uri"]?.stringValue,
                  let text = item["text"]?.stringValue else { return }
            let path = FileURI.path(of: uri)
            workspace.documents[uri] = OpenDocument(
                uri: uri, path: path, version: item["version"]?.intValue ?? 0,
                text: DocumentText(path: path, text: text), dirty: false)
            workspace.changed()
            publish(uri)
        case "textDocument/didChange":
            guard let uri = params["textDocument"]?["uri"]?.stringValue, var document = workspace.documents[uri],
                  let changes = params["contentChanges"]?.arrayValue else { return }
            for change in changes {
                guard let text = change["text"]?.stringValue else { continue }
                if change["range"] == nil {
                    document.text = DocumentText(path: document.path, text: text)
                } else if let updated = Self.applying(change, to: document.text) {
                    document.text = DocumentText(path: document.path, text: updated)
                }
            }
            document.version = params["textDocument"]?["version"]?.intValue ?? document.version &+ 1
            document.dirty = true
            workspace.documents[uri] = document
            workspace.changed()
        case "textDocument/didClose":
            guard let uri = params["textDocument"]?["uri"]?.stringValue,
                  workspace.documents.removeValue(forKey: uri) != nil else { return }
            workspace.changed()
            emit(OutgoingMessage.notification(
                "textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []]))
        case "textDocument/didSave", "workspace/didChangeWatchedFiles":
            // A file of a rule set may have changed on disk: check the open documents again.
            workspace.changed()
            for uri in workspace.documents.keys { workspace.documents[uri]?.dirty = true }
        default: break  // initialized, $/cancelRequest, $/setTrace, unknown: ignored
        }
    }

    /// An incremental change (the server asks for full sync, but accepts a range).
    static func applying(_ change: JSON, to text: DocumentText) -> String? {
        guard let start = Position(change["range"]?["start"]), let end = Position(change["range"]?["end"]),
              let replacement = change["text"]?.stringValue, start <= end,
              let lower = text.utf8Offset(of: start), let upper = text.utf8Offset(of: end) else { return nil }
        let bytes = Array(text.text.utf8)
        return String(decoding: bytes[..<lower], as: UTF8.self) + replacement
            + String(decoding: bytes[upper...], as: UTF8.self)
    }

    private func publishDirty() {
        for (uri, document) in workspace.documents where document.dirty {
            publish(uri)
        }
    }

    /// Publishes one document's diagnostics.
    func publish(_ uri: String) {
        guard var document = workspace.documents[uri] else { return }
        document.dirty = false
        workspace.documents[uri] = document
        let diagnostics = workspace.diagnostics(of: document).map { lspDiagnostic($0, in: document.text) }
        emit(OutgoingMessage.notification(
            "textDocument/publishDiagnostics",
            ["uri": .string(uri), "version": .int(document.version), "diagnostics": .array(diagnostics)]))
    }

    func lspDiagnostic(_ diagnostic: Diagnostic, in text: DocumentText) -> JSON {
        let location = diagnostic.location ?? SourceLocation(file: text.source.name, line: 1, column: 1)
        let (start, end) = text.wordRange(at: location)
        let severity: Int = switch diagnostic.severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
        var members: [String: JSON] = [
            "range": .range(start, end), "severity": .int(severity), "code": .string(diagnostic.code),
            "source": "appraise", "message": .string(diagnostic.message),
        ]
        let related: [JSON] = diagnostic.notes.compactMap { note in
            guard let location = note.location else { return nil }
            let position = text.position(of: location)
            return ["location": ["uri": .string(FileURI.uri(of: location.file)), "range": .range(position, position)],
                    "message": .string(note.message)]
        }
        if !related.isEmpty { members["relatedInformation"] = .array(related) }
        return .object(members)
    }

    var initializeResult: JSON {
        [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 1],
                "hoverProvider": true,
                "completionProvider": ["triggerCharacters": ["."]],
                "definitionProvider": true,
                "documentSymbolProvider": true,
                "codeLensProvider": ["resolveProvider": false],
                "executeCommandProvider": ["commands": [.string(Self.runExamplesCommand)]],
            ],
            "serverInfo": ["name": "appraise", "version": .string(configuration.version)],
        ]
    }

    static let runExamplesCommand = "appraise.runExamples"

    /// The request methods beyond the life cycle, each a feature in its own file.
    func feature(_ method: String, _ params: JSON) throws(RequestFailure) -> JSON {
        switch method {
        case "textDocument/hover": return try hover(params)
        case "textDocument/completion": return try completion(params)
        case "textDocument/definition": return try definition(params)
        case "textDocument/documentSymbol": return try documentSymbols(params)
        case "textDocument/codeLens": return try codeLens(params)
        case "workspace/executeCommand": return try executeCommand(params)
        default: throw RequestFailure(code: .methodNotFound, message: "no method '\(method)'")
        }
    }
}
