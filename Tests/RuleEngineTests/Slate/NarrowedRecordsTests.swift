import CEL
import RuleEngine
import Testing

/// A slate rule that reads a few fields of each candidate decodes only those
/// (`SlateFieldUse.observed(by:isRecord:)`, `RecordCodec.decode(_:keeping:)`); a rule where a
/// record may count as a whole gets whole records.
@Suite struct NarrowedRecordsTests {
    static let prepared = ShippedRulesTests.prepared()

    static func observed(_ id: String) -> SlateFieldUse?? {
        guard let schema = prepared.schema, let rule = prepared.compiled.rules.first(where: { $0.rule.id == id })
        else { return nil }
        let codec = RecordCodec(root: schema.dossierType)
        return .some(SlateFieldUse.observed(by: rule, isRecord: codec.isRecordType))
    }

    /// The composition rules count and iterate candidates: each sees one or two fields.
    @Test func compositionRulesReadOnlyTheirFields() throws {
        let women = try #require(Self.observed("SLATE-WOMEN-SHARE"))
        #expect(women?.fields["dossier"] == ["candidate"])
        #expect(women?.fields["candidate"] == ["gender", "id"])
        #expect(women?.fields["family_member"] == nil)
        let minority = try #require(Self.observed("SLATE-MINORITY-SHARE"))
        #expect(minority?.fields["dossier"] == ["candidate"])
        #expect(minority?.fields["candidate"] == ["ethnic_minority", "id"])
        let seats = try #require(Self.observed("SLATE-SEATS"))
        #expect(seats?.fields["dossier"] == nil)
        #expect(seats?.fields["candidate"] == ["id"])
    }

    /// Pair rules put records in lists (`involved: [a, b]`, `a_lists_b + b_lists_a`): whole.
    @Test func pairRulesGetWholeRecords() throws {
        for id in ["SLATE-RELATIVES", "SLATE-RELATIVES-RELATED-POSTS", "SLATE-DUPLICATE-PERSON"] {
            let observed = try #require(Self.observed(id))
            #expect(observed == nil, "\(id)")
        }
    }

    /// What `observed(by:isRecord:)` gives for a slate rule with this `when` and message.
    static func probe(when: String = "size(candidates) > 0", message: String = "probe") throws -> SlateFieldUse? {
        let prepared = RuleHarness.prepare("""
            format: rules/1
            rules:
              - id: SLATE-PROBE
                title: Probe
                severity: note
                basis: B
                scope: slate
                when: "\(when)"
                message: "\(message)"

            """)
        #expect(prepared.diagnostics.filter { $0.code.hasPrefix("cel.") }.map(\.description) == [])
        let schema = try #require(prepared.schema)
        let rule = try #require(prepared.compiled.rules.first { $0.rule.id == "SLATE-PROBE" })
        return SlateFieldUse.observed(by: rule, isRecord: RecordCodec(root: schema.dossierType).isRecordType)
    }

    /// Every place where a record may count as a whole keeps it whole.
    @Test(arguments: [
        "size(candidates.filter(c, c == candidates[0])) > 0",
        "candidates.exists(c, c.candidate in [candidates[0].candidate])",
        "size(candidates.map(c, c)) > 0",
        "size(candidates + candidates) > 0",
        "size([candidates[0]]) > 0",
        "(size(candidates) > 0 ? candidates[0] : candidates[1]) == candidates[0]",
        "candidates.exists(c, c.family == [])",
    ])
    func aRecordUsedWholeKeepsEveryField(when: String) throws {
        #expect(try Self.probe(when: when) == nil)
    }

    /// A message that formats a record's field is fine; one that formats a record is not.
    @Test func messagesMayNotFormatRecords() throws {
        #expect(try Self.probe(message: "{{ candidates[0].candidate.id }}")?.fields["candidate"] == ["id"])
        #expect(try Self.probe(message: "{{ candidates[0].candidate }}") == nil)
    }

    /// Decoded with a rule's selection, a record has that rule's fields as the whole record
    /// has them, and every other field absent.
    @Test func aNarrowedRecordHasTheSameReadFields() throws {
        let schema = try #require(RecordCodecTests.schema)
        let codec = RecordCodec(root: schema.dossierType)
        let selection = codec.selection(
            keeping: SlateFieldUse(fields: ["dossier": ["candidate"], "candidate": ["gender", "id"]]), always: ["candidate"])
        for (file, dossier) in try RecordCodecTests.shippedDossiers() {
            let bytes = codec.encode(dossier, file: file)
            let whole = try #require(codec.decode(bytes[...]).objectValue)
            let narrowed = try #require(codec.decode(bytes[...], keeping: selection).objectValue)
            #expect(narrowed.origin == whole.origin, "\(file)")
            let present = { (object: ObjectValue) in zip(object.type.fields, object.present).filter(\.1).map(\.0.name) }
            #expect(present(narrowed) == ["candidate"], "\(file)")
            let candidate = try #require(narrowed.field("candidate")?.objectValue)
            let wholeCandidate = try #require(whole.field("candidate")?.objectValue)
            #expect(Set(present(candidate)).isSubset(of: ["gender", "id"]), "\(file)")
            for name in ["gender", "id"] {
                #expect(candidate.field(name).map(RecordCodecTests.describe) == wholeCandidate.field(name).map(RecordCodecTests.describe), "\(file) \(name)")
            }
        }
    }

    /// A damaged record is an error value whatever the selection, never a crash.
    @Test(arguments: [0, 1, 7, 40, 200])
    func damagedBytesStayAnError(cut: Int) throws {
        let schema = try #require(RecordCodecTests.schema)
        let (file, dossier) = try #require(try RecordCodecTests.shippedDossiers().first)
        let codec = RecordCodec(root: schema.dossierType)
        let selection = codec.selection(keeping: SlateFieldUse(fields: ["candidate": ["id"]]), always: ["candidate"])
        var bytes = codec.encode(dossier, file: file)
        bytes.removeLast(bytes.count > cut ? bytes.count - cut : 0)
        guard case .error = codec.decode(bytes[...], keeping: selection) else {
            Issue.record("a damaged record cut at \(cut) decoded")
            return
        }
    }
}
