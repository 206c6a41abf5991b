import Diagnostics
import Hummingbird
import Reports

/// An answer other than the endpoint's success: a status and the JSON error body of `serve.md`,
/// `{"error": {"code", "message", "diagnostics": [...]}}`, diagnostics shaped as in the CLI's JSON.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    /// A stable machine code such as `http.body-too-large` or `auth.missing-token`.
    public var code: String
    public var message: String
    public var diagnostics: [Diagnostic] = []
    /// Extra headers, such as `Retry-After` on a 503 for saturation.
    public var headers: HTTPFields = [:]

    public init(
        _ status: HTTPResponse.Status, code: String, message: String, diagnostics: [Diagnostic] = [],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
        self.headers = headers
    }

    public var json: String {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.key("error")
        writer.beginObject()
        writer.field("code", code)
        writer.field("message", message)
        writer.key("diagnostics")
        writer.beginArray()
        for diagnostic in diagnostics { JSONReporter.write(diagnostic, to: &writer) }
        writer.endArray()
        writer.endObject()
        writer.endObject()
        return writer.output + "\n"
    }

    public var response: Response {
        var headers = self.headers
        headers[.contentType] = MediaTypes.json
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}

/// The content types the API reads and writes.
public enum MediaTypes {
    public static let json = "application/json; charset=utf-8"
    public static let yaml = "application/yaml"
}
