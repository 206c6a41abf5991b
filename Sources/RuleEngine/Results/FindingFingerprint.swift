import Crypto
import Diagnostics
import YAML

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
        Self.appendCanonicalItems(evidence, to: &contentBytes)
        self.init(identity: identity, content: sha256Digest(contentBytes))
    }

    /// `ns(count of items) [ns(path) ns(value)]…`, items sorted by path, then by the value's
    /// bytes. The paths and the encoded values are written once into one buffer and sorted by
    /// their ranges in it, compared with `memcmp` (comparing the paths' `utf8` views element by
    /// element cost about 900 instructions a comparison).
    static func appendCanonicalItems(_ evidence: [EvidenceItem], to bytes: inout [UInt8]) {
        var parts: [UInt8] = []
        parts.reserveCapacity(64 * evidence.count)
        var ranges: [(path: Range<Int>, value: Range<Int>)] = []
        ranges.reserveCapacity(evidence.count)
        for item in evidence {
            let start = parts.count
            parts += item.location.path.utf8
            let middle = parts.count
            encode(item.value, into: &parts)
            ranges.append((start..<middle, middle..<parts.count))
        }
        let order = parts.withUnsafeBufferPointer { buffer in
            evidence.indices.sorted { lhs, rhs in
                let byPath = byteOrder(buffer, ranges[lhs].path, ranges[rhs].path)
                return byPath != 0 ? byPath < 0 : byteOrder(buffer, ranges[lhs].value, ranges[rhs].value) < 0
            }
        }
        netstring(decimal: evidence.count, into: &bytes)
        for index in order {
            netstring(parts[ranges[index].path], into: &bytes)
            bytes += parts[ranges[index].value]
        }
    }

    /// The order of two ranges of `buffer` by their bytes (`UTF8Bytes.order`).
    static func byteOrder(_ buffer: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int {
        UTF8Bytes.order(UnsafeBufferPointer(rebasing: buffer[a]), UnsafeBufferPointer(rebasing: buffer[b]))
    }

    /// A value as one netstring of its typed text.
    static func encode(_ value: EvidenceValue, into bytes: inout [UInt8]) {
        switch value {
        case .null: netstring("n", into: &bytes)
        case .bool(let flag): netstring(flag ? "b:true" : "b:false", into: &bytes)
        case .int(let number):
            DecimalDigits.append(Int64(2 + DecimalDigits.count(of: number)), to: &bytes)
            typePrefix("i", into: &bytes)
            DecimalDigits.append(number, to: &bytes)
            bytes.append(UInt8(ascii: ","))
        case .double(let number): netstring("d:\(number)", into: &bytes)
        case .string(let text):
            DecimalDigits.append(Int64(2 + text.utf8.count), to: &bytes)
            typePrefix("s", into: &bytes)
            bytes += text.utf8
            bytes.append(UInt8(ascii: ","))
        case .list(let items):
            var inner: [UInt8] = Array("l:".utf8)
            netstring(String(items.count), into: &inner)
            for item in items { encode(item, into: &inner) }
            netstring(inner, into: &bytes)
        }
    }

    /// `:<tag>:`, between a typed value's byte count and its text.
    private static func typePrefix(_ tag: Unicode.Scalar, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: tag))
        bytes.append(UInt8(ascii: ":"))
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
