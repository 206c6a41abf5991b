import Foundation
import LanguageServer
import RuleEngine
import TestSupport

/// Drives a `LanguageServer` through its real loop: messages framed into an in-memory input
/// stream, the framed output read back with the same `FrameReader` a client would use.
final class LSPHarness {
    /// The shipped `rules/` under `/ws/rules`, plus `extra` files, in memory.
    static func fileSystem(extra: [String: String] = [:]) -> InMemoryFileSystem {
        var files: [String: [UInt8]] = [:]
        let root = packageRoot().appendingPathComponent("rules")
        let manager = FileManager.default
        for relative in (manager.subpaths(atPath: root.path) ?? []) where relative.hasSuffix(".yaml") {
            files["/ws/rules/" + relative] = Array((manager.contents(atPath: root.appendingPathComponent(relative).path)) ?? Data())
        }
        for (path, text) in extra { files[path] = Array(text.utf8) }
        return InMemoryFileSystem(files: files)
    }

    static func shipped(_ name: String) -> String {
        let url = packageRoot().appendingPathComponent("rules").appendingPathComponent(name)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    static func request(_ id: Int, _ method: String, _ params: JSON = .null) -> [UInt8] {
        MessageFramer.frame(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
    }

    static func notification(_ method: String, _ params: JSON = .null) -> [UInt8] {
        MessageFramer.frame(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    static var initialize: [UInt8] { request(1, "initialize", ["capabilities": [:]]) + notification("initialized", [:]) }

    static func open(_ uri: String, _ text: String, version: Int = 1) -> [UInt8] {
        notification("textDocument/didOpen", [
            "textDocument": ["uri": .string(uri), "languageId": "yaml", "version": .int(version), "text": .string(text)],
        ])
    }

    static func change(_ uri: String, _ text: String, version: Int) -> [UInt8] {
        notification("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": [["text": .string(text)]],
        ])
    }

    static func position(_ uri: String, line: Int, character: Int) -> JSON {
        ["textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": .int(character)]]
    }

    /// What the server wrote, and its exit status.
    struct Run {
        var messages: [JSON]
        var status: Int32

        func response(_ id: Int) -> JSON? { messages.first { $0["id"] == .int(id) } }

        /// Every publishDiagnostics for `uri`, in order.
        func published(_ uri: String) -> [JSON] {
            messages.filter { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri) }
                .compactMap { $0["params"] }
        }
    }

    /// Runs the server over `chunks` (each one read), then end of input.
    static func run(_ chunks: [[UInt8]], fileSystem: InMemoryFileSystem = fileSystem()) -> Run {
        var output: [UInt8] = []
        let server = LanguageServer(
            configuration: .init(fileSystem: fileSystem, shippedRules: "/ws/rules", debounceMilliseconds: 10),
            send: { output += $0 })
        let status = server.run(input: InMemoryByteStream(chunks: chunks))
        var reader = FrameReader(stream: InMemoryByteStream(chunks: [output]))
        var messages: [JSON] = []
        while case .body(let body) = reader.next(waitingAtMost: -1) {
            if let json = JSON.parse(body) { messages.append(json) }
        }
        return Run(messages: messages, status: status)
    }
}
