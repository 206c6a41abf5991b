import Testing

@testable import RuleEngine

/// The canonical bytes of `docs/review-decisions.md` (Fingerprints, version 1), pinned against
/// hashes computed independently (Python hashlib over the documented netstrings).
@Suite struct FindingFingerprintTests {
    static func item(_ path: String, _ value: EvidenceValue, line: Int = 1) -> EvidenceItem {
        EvidenceItem(location: FindingLocation(file: "f\(line).yaml", line: line, column: 1, path: path), value: value)
    }

    static let evidence = [
        item("x.y", .int(5)), item("a.b", .string("Hà")), item("a.b", .list([.null, .bool(true), .double(1.5)])),
    ]

    @Test func bytesAreTheDocumentedOnes() {
        let fingerprint = FindingFingerprint(subjects: ["B-2", "A-1"], rule: "SLATE-X", path: "candidate", evidence: Self.evidence)
        #expect(fingerprint.identity == "sha256:a655984e24f507f90b335786cd1ae249de9d8d68579faf598c6d272a8ee2b1d0")
        #expect(fingerprint.content == "sha256:d94b0502184d97cb81c468cbf28abe569e62109a315b797e14a36f84d1ad620c")
    }

    @Test func orderFilesAndLinesDoNotMatterValuesDo() {
        let base = FindingFingerprint(subjects: ["A-1", "B-2"], rule: "SLATE-X", path: "candidate", evidence: Self.evidence)
        let moved = Self.evidence.reversed().enumerated().map { Self.item($1.location.path, $1.value, line: 40 + $0) }
        #expect(FindingFingerprint(subjects: ["B-2", "A-1"], rule: "SLATE-X", path: "candidate", evidence: moved) == base)
        var changed = Self.evidence
        changed[0].value = .int(6)
        let other = FindingFingerprint(subjects: ["A-1", "B-2"], rule: "SLATE-X", path: "candidate", evidence: changed)
        #expect(other.identity == base.identity)
        #expect(other.content != base.content)
        // A string "5" is not the int 5; a path cannot run into its value.
        var typed = Self.evidence
        typed[0].value = .string("5")
        #expect(FindingFingerprint(subjects: ["A-1", "B-2"], rule: "SLATE-X", path: "candidate", evidence: typed).content != base.content)
        #expect(FindingFingerprint(subjects: ["A"], rule: "R", path: "p", evidence: [])
            != FindingFingerprint(subjects: ["A"], rule: "Rp", path: "", evidence: []))
    }

    @Test func findingsCarryTheirFingerprint() {
        let finding = Finding(
            rule: "R", severity: .review, title: "t", message: "m", basis: "b",
            location: FindingLocation(file: "a.yaml", line: 3, column: 1, path: "declarations[1]"),
            evidence: [Self.item("declarations[1].increase", .int(1_650_000_000))], subjects: ["NB-1"])
        #expect(finding.fingerprint == FindingFingerprint(
            subjects: ["NB-1"], rule: "R", path: "declarations[1]", evidence: finding.evidence))
        #expect(finding.evidenceTexts == [EvidenceText(path: "declarations[1].increase", value: "1650000000")])
    }
}

/// The netstrings are written in place, digits included: the same bytes as `<count>:<text>,`
/// glued from `String`s, which the documented hashes above were computed from.
@Suite struct FingerprintNetstringTests {
    @Test(arguments: [0, 1, 9, 10, 11, 99, 100, 101, 12_345, 1_000_000, Int.max])
    func countsAreWrittenAsTheirDecimalText(count: Int) {
        var bytes: [UInt8] = []
        FindingFingerprint.netstring(decimal: count, into: &bytes)
        let text = String(count)
        #expect(bytes == Array("\(text.utf8.count):\(text),".utf8))
    }

    @Test(arguments: ["", "a", "Hà Nội", String(repeating: "x", count: 1_234)])
    func textsAreTheirUTF8(text: String) {
        var bytes: [UInt8] = [7]
        FindingFingerprint.netstring(text, into: &bytes)
        #expect(bytes == [7] + Array("\(text.utf8.count):\(text),".utf8))
    }

    @Test(arguments: [0, 7, -7, 10, -10, 1_650_000_000, Int64.max, Int64.min])
    func integersAreTheirTypedDecimalText(number: Int64) {
        var bytes: [UInt8] = []
        FindingFingerprint.encode(.int(number), into: &bytes)
        let text = "i:\(number)"
        #expect(bytes == Array("\(text.utf8.count):\(text),".utf8))
    }

    @Test(arguments: ["", "Hà Nội", "a,b:c"])
    func stringsAreTheirTypedText(text: String) {
        var bytes: [UInt8] = []
        FindingFingerprint.encode(.string(text), into: &bytes)
        let typed = "s:" + text
        #expect(bytes == Array("\(typed.utf8.count):\(typed),".utf8))
    }
}

/// Items are sorted by comparing byte ranges of one buffer with `memcmp`: the same order as
/// comparing the texts' UTF-8 (`lexicographicallyPrecedes`, `elementsEqual`), prefixes and
/// empty texts included.
@Suite struct FingerprintByteOrderTests {
    static let texts = ["", "a", "ab", "b", "a.b", "a.bc", "declarations[10]", "declarations[1]", "Hà", "Ha", "Hà Nội", "\u{0}"]

    @Test func ordersRangesAsTheirUTF8() {
        var buffer: [UInt8] = []
        var ranges: [Range<Int>] = []
        for text in Self.texts {
            let start = buffer.count
            buffer += text.utf8
            ranges.append(start..<buffer.count)
        }
        buffer.withUnsafeBufferPointer { bytes in
            for (i, left) in Self.texts.enumerated() {
                for (j, right) in Self.texts.enumerated() {
                    let order = FindingFingerprint.byteOrder(bytes, ranges[i], ranges[j])
                    #expect((order < 0) == left.utf8.lexicographicallyPrecedes(right.utf8), "\(left) < \(right)")
                    #expect((order == 0) == left.utf8.elementsEqual(right.utf8), "\(left) == \(right)")
                }
            }
        }
    }
}
