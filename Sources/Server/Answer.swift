import Hummingbird

/// An endpoint's successful answer: a status, a content type and the body text, plus the
/// digest of the input for the audit log.
public struct Answer: Sendable {
    public var status: HTTPResponse.Status = .ok
    public var contentType: String = MediaTypes.json
    public var text: String
    /// Extra headers, such as `Set-Cookie` and `Location` of a sign-in.
    public var headers: HTTPFields = [:]

    public init(
        status: HTTPResponse.Status = .ok, contentType: String = MediaTypes.json, text: String, headers: HTTPFields = [:]
    ) {
        self.headers = headers
        self.status = status
        self.contentType = contentType
        self.text = text
    }
}
