/// JSON-RPC 2.0 error codes the server answers with (JSON-RPC 2.0 §5.1; LSP "ErrorCodes").
public enum ErrorCode: Int, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
}

/// An incoming message, classified.
enum IncomingMessage {
    case request(id: JSON, method: String, params: JSON)
    case notification(method: String, params: JSON)
    /// A response to a request of ours (the server sends none that need one): ignored.
    case response
    /// JSON, but not a JSON-RPC message; `id` when one could be read.
    case invalid(id: JSON, reason: String)

    init(_ json: JSON) {
        guard case .object(let members) = json else {
            self = .invalid(id: .null, reason: "a message must be a JSON object")
            return
        }
        let id = members["id"]
        if let id {
            switch id {
            case .int, .string, .null: break
            default:
                self = .invalid(id: .null, reason: "'id' must be a number or a string")
                return
            }
        }
        guard members["jsonrpc"] == "2.0" else {
            self = .invalid(id: id ?? .null, reason: "'jsonrpc' must be \"2.0\"")
            return
        }
        guard let methodValue = members["method"] else {
            if members["result"] != nil || members["error"] != nil {
                self = .response
            } else {
                self = .invalid(id: id ?? .null, reason: "a request needs a 'method'")
            }
            return
        }
        guard let method = methodValue.stringValue else {
            self = .invalid(id: id ?? .null, reason: "'method' must be a string")
            return
        }
        let params = members["params"] ?? .null
        if let id {
            self = .request(id: id, method: method, params: params)
        } else {
            self = .notification(method: method, params: params)
        }
    }
}

/// Outgoing messages.
enum OutgoingMessage {
    static func result(id: JSON, _ result: JSON) -> JSON {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    static func error(id: JSON, _ code: ErrorCode, _ message: String) -> JSON {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .int(code.rawValue), "message": .string(message)]]
    }

    static func notification(_ method: String, _ params: JSON) -> JSON {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }
}

/// A request that cannot be answered: its error code and message.
struct RequestFailure: Error {
    var code: ErrorCode
    var message: String
}
