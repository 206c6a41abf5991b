/// Who sent a request on a server with `--tokens`: the token's name and role, and the session
/// id when it came by the web app's cookie rather than the bearer header.
public struct Caller: Sendable {
    public var name: String
    public var role: Role
    public var sessionID: String?
}
