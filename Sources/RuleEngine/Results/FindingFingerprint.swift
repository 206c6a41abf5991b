import Crypto

/// The two fingerprints of a finding (`decisions.md`, Finding fingerprints): `identity` names
/// "this rule about this item of this candidate", `content` adds what the rule read. Review
/// decisions and baselines match findings by them, so they must not depend on file paths,
/// line numbers, the report language, redaction, `--jobs` or the rules digest.
///
/// Both are `sha256:<hex>` over a canonical byte string (`docs/review-decisions.md`):
/// every part is a netstring `<decimal byte count>:<UTF-8 bytes>,`, so no choice of ids,
/// paths or values can make two different inputs encode alike.
///
///     identity = SHA-256( ns("appraise/identity/v1") ns(count of ids) ns(id)… ns(rule) ns(path) )
///     content  = SHA-256( ns("appraise/content/v1") ns(identity) ns(count of items)
///                         [ns(path) ns(value)]… )       items sorted by (path, value)
///     value    = "n" | "b:true" | "b:false" | "i:<decimal>" | "d:<shortest round-trip>"
///                | "s:<text>" | "l:" ns(count) ns(value)…
public struct FindingFingerprint: Hashable, Sendable {
    public var identity: String
    public var content: String

    public init(identity: String, content: String) {
        self.identity = identity
        self.content = content
    }

    /// The fingerprints of a finding about `subjects` (the candidate id; for a slate finding
    /// the ids of the candidates involved, in any order), by `rule`, located at `path`.
    public init(subjects: [String], rule: String, path: String, evidence: [EvidenceItem]) {
        var identityBytes: [UInt8] = []
        Self.netstring("appraise/identity/v1", into: &identityBytes)
        let ids = subjects.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        Self.netstring(String(ids.count), into: &identityBytes)
        for id in ids { Self.netstring(id, into: &identityBytes) }
        Self.netstring(rule, into: &identityBytes)
        Self.netstring(path, into: &identityBytes)
        let identity = sha256Digest(identityBytes)
        var contentBytes: [UInt8] = []
        Self.netstring("appraise/content/v1", into: &contentBytes)
        Self.netstring(identity, into: &contentBytes)
        let items = Self.canonicalItems(evidence)
        Self.netstring(String(items.count), into: &contentBytes)
        for item in items {
            Self.netstring(item.path, into: &contentBytes)
            contentBytes += item.value
        }
        self.init(identity: identity, content: sha256Digest(contentBytes))
    }

    /// Evidence as (path, encoded value), sorted by path then by the value's bytes.
    static func canonicalItems(_ evidence: [EvidenceItem]) -> [(path: String, value: [UInt8])] {
        evidence.map { item -> (path: String, value: [UInt8]) in
            var bytes: [UInt8] = []
            encode(item.value, into: &bytes)
            return (item.location.path, bytes)
        }.sorted { lhs, rhs in
            let left = Array(lhs.path.utf8), right = Array(rhs.path.utf8)
            if left != right { return left.lexicographicallyPrecedes(right) }
            return lhs.value.lexicographicallyPrecedes(rhs.value)
        }
    }

    /// A value as one netstring of its typed text.
    static func encode(_ value: EvidenceValue, into bytes: inout [UInt8]) {
        switch value {
        case .null: netstring("n", into: &bytes)
        case .bool(let flag): netstring(flag ? "b:true" : "b:false", into: &bytes)
        case .int(let number): netstring("i:\(number)", into: &bytes)
        case .double(let number): netstring("d:\(number)", into: &bytes)
        case .string(let text): netstring("s:" + text, into: &bytes)
        case .list(let items):
            var inner: [UInt8] = Array("l:".utf8)
            netstring(String(items.count), into: &inner)
            for item in items { encode(item, into: &inner) }
            netstring(inner, into: &bytes)
        }
    }

    static func netstring(_ text: String, into bytes: inout [UInt8]) {
        netstring(Array(text.utf8), into: &bytes)
    }

    static func netstring(_ part: [UInt8], into bytes: inout [UInt8]) {
        bytes += Array(String(part.count).utf8)
        bytes.append(UInt8(ascii: ":"))
        bytes += part
        bytes.append(UInt8(ascii: ","))
    }
}
