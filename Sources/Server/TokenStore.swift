import Crypto
import Diagnostics
import YAML

/// The bearer tokens of `--tokens FILE`: only their SHA-256 digests are kept, and a presented
/// token is compared with every digest in constant time, so neither the file nor the timing
/// of an answer tells a token.
public struct TokenStore: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var digest: [UInt8]
        public var role: Role

        public init(name: String, digest: [UInt8], role: Role) {
            self.name = name
            self.digest = digest
            self.role = role
        }
    }

    public let entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The token holder, or nil for an unknown token. Every digest is compared in full.
    public func holder(of token: String) -> Entry? {
        let digest = Array(SHA256.hash(data: Array(token.utf8)))
        var found: Entry?
        for entry in entries where Self.constantTimeEqual(entry.digest, digest) && found == nil { found = entry }
        return found
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// Reads `tokens: [{name, sha256, role}]`; every problem is a located diagnostic.
    public static func parse(bytes: [UInt8], file: String) -> (TokenStore?, [Diagnostic]) {
        let document = YAMLLoader.load(bytes: bytes, file: file)
        guard !document.hasErrors, let root = document.root else { return (nil, document.diagnostics) }
        var diagnostics: [Diagnostic] = []
        func problem(_ node: Node, _ path: String, _ message: String) {
            diagnostics.append(Diagnostic(code: "tokens.invalid", message: message, location: node.start, path: path))
        }
        guard let list = root["tokens"]?.sequence else {
            problem(root, "tokens", "a tokens file needs `tokens:`, a list of {name, sha256, role}")
            return (nil, diagnostics)
        }
        var entries: [Entry] = []
        var names = Set<String>()
        for (index, item) in list.enumerated() {
            let path = "tokens[\(index)]"
            guard let name = item["name"]?.scalarText, !name.isEmpty else {
                problem(item, path + ".name", "each token needs a name (it is written in the audit log)")
                continue
            }
            guard names.insert(name).inserted else {
                problem(item, path + ".name", "token name '\(name)' is used twice")
                continue
            }
            guard let hex = item["sha256"]?.scalarText, let digest = hexBytes(hex), digest.count == 32 else {
                problem(item, path + ".sha256", "sha256 must be the token's SHA-256 digest: 64 hexadecimal digits")
                continue
            }
            guard let roleText = item["role"]?.scalarText, let role = Role(rawValue: roleText) else {
                problem(item, path + ".role", "role must be viewer, reviewer or author")
                continue
            }
            entries.append(Entry(name: name, digest: digest, role: role))
        }
        return diagnostics.isEmpty ? (TokenStore(entries: entries), []) : (nil, diagnostics)
    }

    static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.lowercased().utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
