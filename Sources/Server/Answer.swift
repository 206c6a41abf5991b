import Hummingbird

/// An endpoint's successful answer: a status, a content type and the body, plus extra headers.
public struct Answer: Sendable {
    public var status: HTTPResponse.Status = .ok
    public var contentType: String = MediaTypes.json
    /// The bytes sent: a report is written straight into them, without a `String` between.
    public var body: ByteBuffer
    /// Extra headers, such as `Set-Cookie` and `Location` of a sign-in.
    public var headers: HTTPFields = [:]

    public init(
        status: HTTPResponse.Status = .ok, contentType: String = MediaTypes.json, text: String, headers: HTTPFields = [:]
    ) {
        self.init(status: status, contentType: contentType, body: ByteBuffer(string: text), headers: headers)
    }

    public init(
        status: HTTPResponse.Status = .ok, contentType: String = MediaTypes.json, body: ByteBuffer, headers: HTTPFields = [:]
    ) {
        self.headers = headers
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}
