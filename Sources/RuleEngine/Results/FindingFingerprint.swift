import Crypto
import Diagnostics

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
        identityBytes.reserveCapacity(128)
        Self.netstring("appraise/identity/v1", into: &identityBytes)
        let ids = subjects.count < 2 ? subjects : subjects.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        Self.netstring(decimal: ids.count, into: &identityBytes)
        for id in ids { Self.netstring(id, into: &identityBytes) }
        Self.netstring(rule, into: &identityBytes)
        Self.netstring(path, into: &identityBytes)
        let identity = sha256Digest(identityBytes)
        var contentBytes: [UInt8] = []
        contentBytes.reserveCapacity(128 + 64 * evidence.count)
        Self.netstring("appraise/content/v1", into: &contentBytes)
        Self.netstring(identity, into: &contentBytes)
        let items = Self.canonicalItems(evidence)
        Self.netstring(decimal: items.count, into: &contentBytes)
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
            if !lhs.path.utf8.elementsEqual(rhs.path.utf8) { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
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
        netstring(text.utf8, into: &bytes)
    }

    static func netstring(_ part: [UInt8], into bytes: inout [UInt8]) {
        netstring(part[...], into: &bytes)
    }

    /// `<byte count>:<bytes>,`, appended in place (no array per part: a finding encodes a dozen).
    static func netstring<Part: Collection<UInt8>>(_ part: Part, into bytes: inout [UInt8]) {
        DecimalDigits.append(Int64(part.count), to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: part)
        bytes.append(UInt8(ascii: ","))
    }

    /// The netstring of a count's decimal text, as `netstring(String(count))` writes it.
    static func netstring(decimal count: Int, into bytes: inout [UInt8]) {
        precondition(count >= 0)
        DecimalDigits.append(Int64(DecimalDigits.count(of: count)), to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        DecimalDigits.append(Int64(count), to: &bytes)
        bytes.append(UInt8(ascii: ","))
    }
}
