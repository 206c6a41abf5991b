import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Screening
import Server
import TestSupport

/// A server over the shipped rules, called in-process through Hummingbird's router tester.
struct ServerHarness {
    /// The shipped rules, found as the CLI finds them (so file names match its reports), loaded
    /// once: compiling the rule set in both languages is the slow part.
    static let store: RuleSetStore = {
        FileManager.default.changeCurrentDirectoryPath(packageRoot().path)
        return try! RuleSetStore(paths: [], maxFileBytes: 1 << 20)
    }()

    static let tokens = ["viewer-token": Role.viewer, "reviewer-token": .reviewer, "author-token": .author]

    /// A token store with one token per role, named after the role.
    static let tokenStore = TokenStore(entries: tokens.map { token, role in
        TokenStore.Entry(name: role.rawValue, digest: Array(SHA256.hash(data: Array(token.utf8))), role: role)
    })

    let server: AppraiseServer

    init(store: RuleSetStore = ServerHarness.store, configure: (inout ServerOptions) -> Void = { _ in }) throws {
        var options = ServerOptions(toolVersion: "0.1.0")
        _ = Self.store
        options.workspace = "candidates"
        configure(&options)
        server = try AppraiseServer(options: options, store: store)
    }

    /// One request; the answer's status, headers and body text.
    func call(
        _ method: HTTPRequest.Method, _ uri: String, body: String? = nil, contentType: String? = nil,
        token: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let contentType { headers[.contentType] = contentType }
        if let token { headers[.authorization] = "Bearer \(token)" }
        let app = Application(router: server.router())
        let fields = headers
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
        }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The `error.code` of a JSON error answer.
    var errorCode: String? {
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return (object?["error"] as? [String: Any])?["code"] as? String
    }
}

/// The text of a file of the package.
func packageFile(_ path: String) throws -> String {
    try String(contentsOf: packageRoot().appendingPathComponent(path), encoding: .utf8)
}
