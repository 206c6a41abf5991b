import Diagnostics
import Reports
import RuleEngine
import Testing

@Suite struct RedactorTests {
    static func finding(_ message: String, file: String = "hs/nguyen-van-an.yaml", evidence: [EvidenceItem] = []) -> Finding {
        Finding(
            rule: "R", severity: .review, title: "T", message: message, basis: "B",
            location: FindingLocation(file: file, line: 3, column: 5, path: "family[0]"), evidence: evidence,
            comparisons: ["name_key(f.name) = \"lê thị hồng\""])
    }

    static func result(_ file: String, name: String, findings: [Finding], errors: [Diagnostic] = []) -> CandidateResult {
        CandidateResult(
            file: file, digest: nil, id: "ID-\(name.count)", name: name, verdict: .review, findings: findings,
            errors: errors)
    }

    @Test func replacesNamesIdsAndTextEverywhere() {
        var redactor = Redactor()
        let evidence = EvidenceItem(
            location: FindingLocation(file: "hs/nguyen-van-an.yaml", line: 9, column: 11, path: "family[0].citizen_id"),
            value: .list([.string("037174000222"), .int(3)]))
        let result = Self.result(
            "hs/nguyen-van-an.yaml", name: "Nguyễn Văn An",
            findings: [Self.finding("Lê Thị Hồng (037174000222) works at Ban Tổ chức; An knows", evidence: [evidence])])
        let redacted = redactor.redact(result, sensitive: [
            SensitiveValue(.name, "Lê Thị Hồng"), SensitiveValue(.identifier, "037174000222"),
            SensitiveValue(.text, "Ban Tổ chức"), SensitiveValue(.text, "An"),
        ])
        #expect(redacted.file == "dossier-1.yaml")
        #expect(redacted.name == "PERSON-1")
        #expect(redacted.id == "CANDIDATE-1", "ids are pseudonymised too (issue 20)")
        let finding = redacted.findings[0]
        // Longest match first: the name wins over the text value `An` inside it.
        #expect(finding.message == "PERSON-2 (ID-1) works at TEXT-1; TEXT-2 knows")
        // Comparisons print names under name_key: the same person, the same pseudonym.
        #expect(finding.comparisons == ["name_key(f.name) = \"PERSON-2\""])
        #expect(finding.location.file == "dossier-1.yaml")
        #expect(finding.evidence[0].value == .list([.string("ID-1"), .int(3)]))
        #expect(finding.evidence[0].location.file == "dossier-1.yaml")
    }

    @Test func samePersonKeepsOnePseudonymAcrossCandidatesAndSlate() {
        var redactor = Redactor()
        let a = redactor.redact(
            Self.result("a.yaml", name: "Nguyễn Văn An", findings: []), sensitive: [SensitiveValue(.name, "LÊ THỊ  HỒNG")])
        let b = redactor.redact(Self.result("b.yaml", name: "Lê Thị Hồng", findings: []), sensitive: [])
        #expect(a.name == "PERSON-1")
        #expect(b.name == "PERSON-2")
        var slate = Report.SlateInfo(findings: [
            Finding(
                rule: "S", severity: .disqualify, title: "T", message: "Nguyễn Văn An and Lê Thị Hồng", basis: "B",
                location: FindingLocation(file: "a.yaml", line: 1, column: 1, path: "candidate"),
                related: [FindingLocation(file: "b.yaml", line: 1, column: 1, path: "candidate")])
        ])
        slate = redactor.redact(slate)
        #expect(slate.findings[0].message == "PERSON-1 and PERSON-2")
        #expect(slate.findings[0].location.file == "dossier-1.yaml")
        #expect(slate.findings[0].related[0].file == "dossier-2.yaml")
    }

    @Test func pseudonymsAreNeverRewrittenAndDiagnosticsAreRedacted() {
        var redactor = Redactor()
        let duplicate = Diagnostic(
            code: "input.duplicate-id", message: "candidate id 'X' is also used by first/an.yaml; ids must be unique",
            location: SourceLocation(file: "second/an.yaml", line: 2, column: 7),
            notes: [Diagnostic.Note("first used here", at: SourceLocation(file: "first/an.yaml", line: 1, column: 1))])
        let first = redactor.redact(Self.result("first/an.yaml", name: "1", findings: []), sensitive: [])
        let result = redactor.redact(
            Self.result("second/an.yaml", name: "Person", findings: [Self.finding("1 PERSON")], errors: [duplicate]),
            sensitive: [SensitiveValue(.text, "1")])
        #expect(first.name == "PERSON-1")
        #expect(result.name == "PERSON-2")
        // One pass: the `1` written into `TEXT-1` is not matched again.
        #expect(result.findings[0].message == "TEXT-1 PERSON")
        #expect(result.errors[0].message == "candidate id 'X' is also used by dossier-1.yaml; ids must be unique")
        #expect(result.errors[0].location?.file == "dossier-2.yaml")
        #expect(result.errors[0].notes[0].location?.file == "dossier-1.yaml")
    }

    @Test func wholeReportIsDeterministic() {
        let report = Report(
            tool: Report.Tool(version: "0"), asOf: "2025-09-20", asOfSource: .option,
            rules: Report.RuleSetInfo(count: 1, digest: "sha256:0"),
            candidates: [Self.result("a.yaml", name: "Trần Văn Bình", findings: [Self.finding("Trần Văn Bình")])])
        let once = Redactor.redact(report, sensitive: [[]])
        #expect(once == Redactor.redact(report, sensitive: [[]]))
        #expect(once.candidates[0].findings[0].message == "PERSON-1")
        #expect(once.summary == report.summary)
    }
}
