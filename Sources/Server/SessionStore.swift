import Foundation
import Synchronization

/// The web app's sign-in sessions (`docs/serve.md`, "Logging in when the server has tokens"):
/// a browser cannot send a bearer token, so `POST /login` checks one once and hands out a
/// random session id instead (the cookie `appraise_session`, never the token). Sessions live in
/// memory only — a restart signs everyone out — and end after `idleSeconds` without a request
/// or `absoluteSeconds` after sign-in, whichever comes first.
public final class SessionStore: Sendable {
    /// Who signed in: the token's name (for the audit log and the page header) and its role.
    public struct Session: Sendable {
        public var name: String
        public var role: Role
        var created: Double
        var lastSeen: Double
    }

    public static let cookieName = "appraise_session"
    let idleSeconds: Double
    let absoluteSeconds: Double
    private let sessions = Mutex<[String: Session]>([:])

    public init(idleSeconds: Double, absoluteSeconds: Double) {
        self.idleSeconds = idleSeconds
        self.absoluteSeconds = absoluteSeconds
    }

    /// A new session for `holder`; its id is 256 bits from the system's CSPRNG
    /// (`SystemRandomNumberGenerator`: getrandom(2) on Linux), as 64 hexadecimal digits.
    public func create(for holder: TokenStore.Entry) -> String {
        var generator = SystemRandomNumberGenerator()
        var id = ""
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            id += String(repeating: "0", count: 16 - hex.count) + hex
        }
        let now = Self.now()
        sessions.withLock { table in
            // Ended sessions are dropped on each sign-in, so the table never grows with them.
            table = table.filter { isLive($0.value, at: now) }
            table[id] = Session(name: holder.name, role: holder.role, created: now, lastSeen: now)
        }
        return id
    }

    /// The live session of `id`, its idle clock restarted; nil for an unknown or ended one.
    public func session(_ id: String) -> Session? {
        let now = Self.now()
        return sessions.withLock { table in
            guard var session = table[id] else { return nil }
            guard isLive(session, at: now) else {
                table[id] = nil
                return nil
            }
            session.lastSeen = now
            table[id] = session
            return session
        }
    }

    /// Ends the session `id` (`POST /logout`).
    public func remove(_ id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    private func isLive(_ session: Session, at now: Double) -> Bool {
        now - session.lastSeen < idleSeconds && now - session.created < absoluteSeconds
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
