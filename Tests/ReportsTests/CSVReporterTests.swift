import Reports
import RuleEngine
import Testing

/// The CSV report read back with a small RFC 4180 reader.
@Suite struct CSVReporterTests {
    /// Splits RFC 4180 text (CRLF records, quoted fields with doubled quotes) into rows.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field += "\""; scalars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\r" && scalars.first == "\n" {
                scalars.removeFirst()
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }

    @Test func rowsReadBack() {
        let text = ReportFixture.report.rendered(as: .csv)
        #expect(text.hasSuffix("\r\n"))
        let rows = Self.parse(text)
        #expect(rows.count == 8)
        #expect(rows.allSatisfy { $0.count == 13 })
        #expect(rows[0] == CSVReporter.columns)
        #expect(rows[1] == [
            "candidates/nguyen-van-an.yaml", "HN-0042", "Nguyễn Văn An", "ineligible", "DISC-STATE-BAR",
            "disqualify", "Disciplined on 2025-01-10 (warning), 8 months before 2025-09-20; the bar is 12 months.",
            "Quy định 22-QĐ/TW, Article 5", "41", "5", "discipline[0]", "open", "",
        ])
        #expect(rows[2][6] == "Assets \"5,200,000,000 VND\" are 14.5 times declared income, <over> 10.")
        #expect(rows[4] == ["candidates/trần thị bình.yaml", "HN-0043", "Trần Thị Bình", "eligible", "", "", "", "", "", "", "", "", ""])
        #expect(rows[5][0...5] == ["candidates/hồ sơ lỗi/broken.yaml", "", "", "invalid", "yaml.duplicate-key", "error"])
        #expect(rows[7][4] == "SLATE-RELATIVES")
        #expect(rows[7][1] == "HN-0042")
    }

    @Test func formulaInjectionIsDefused() {
        let finding = Finding(
            rule: "R", severity: .note, title: "t", message: "=HYPERLINK(\"http://x\")", basis: "+1, -2\nline",
            location: FindingLocation(file: "@evil.yaml", line: 1, column: 1, path: "candidate"))
        let candidate = CandidateResult(
            file: "@evil.yaml", digest: nil, id: "-1", name: "=SUM(A1)", verdict: .eligible, findings: [finding],
            errors: [])
        let report = Report(
            tool: .init(version: "0"), asOf: "2025-01-01", asOfSource: .option,
            rules: .init(count: 1, digest: "d"), candidates: [candidate])
        let text = report.rendered(as: .csv)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[1] == "'@evil.yaml,'-1,'=SUM(A1),eligible,R,note,\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1, -2\nline\",1,1,candidate,open,")
        let rows = Self.parse(text)
        #expect(rows[1][6] == "'=HYPERLINK(\"http://x\")")
        #expect(rows[1][7] == "'+1, -2\nline")
    }
}
