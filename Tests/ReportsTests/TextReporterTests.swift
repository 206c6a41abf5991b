import Reports
import RuleEngine
import Testing

/// Exact lines of the text report, colour and language.
@Suite struct TextReporterTests {
    let report = ReportFixture.report

    @Test func checkLinesWithoutExplain() {
        let all = report.rendered(as: .text).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(all[0] == "As of: 2025-09-20 (the slate's congress date)")
        #expect(all[1] == "Rules: 24, the shipped set (sha256:\(String(repeating: "ab12", count: 16)))")
        #expect(all[2] == "")
        let lines = Array(all.dropFirst(3))
        #expect(lines[0] == "INELIGIBLE  HN-0042  Nguyễn Văn An  (candidates/nguyen-van-an.yaml)")
        #expect(
            lines[1]
                == "  candidates/nguyen-van-an.yaml:41:5  DISQUALIFY  DISC-STATE-BAR  Disciplined on 2025-01-10 (warning), 8 months before 2025-09-20; the bar is 12 months."
        )
        #expect(lines[2] == "      Quy định 22-QĐ/TW, Article 5")
        #expect(lines[3].hasPrefix("  candidates/nguyen-van-an.yaml:60:7  REVIEW      ASSET-INCOME-RATIO  "))
        #expect(lines.contains("  candidates/hồ sơ lỗi/broken.yaml:4:3: error: duplicate key 'name' in mapping [yaml.duplicate-key]"))
        #expect(!lines.contains { $0.contains("evidence:") })
        #expect(lines.last == "")
        #expect(lines[lines.count - 2] == "3 candidates: 1 eligible, 0 review, 1 ineligible, 1 invalid")
    }

    @Test func screenListsOnlyCandidatesNeedingAttention() {
        let text = report.rendered(as: .text, options: ReportOptions(style: .screen))
        #expect(!text.contains("HN-0043  Trần Thị Bình"))
        #expect(text.contains("INELIGIBLE  HN-0042  Nguyễn Văn An"))
        #expect(text.contains("  Slate findings      1\n"))
        #expect(text.contains("      related: candidates/trần thị bình.yaml:18:5  family[1]\n"))
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!report.rendered(as: .text).contains("\u{1B}["))
        let coloured = report.rendered(as: .text, options: ReportOptions(color: true))
        #expect(coloured.contains("\n\n\u{1B}[1;31mINELIGIBLE\u{1B}[0m  \u{1B}[1mHN-0042\u{1B}[0m"))
    }

    @Test func vietnameseVerdictWords() {
        let text = report.rendered(as: .text, options: ReportOptions(language: "vi"))
        #expect(text.hasPrefix("Tính đến ngày: 20/09/2025 (ngày đại hội của danh sách)\nQuy tắc: 24, bộ quy tắc kèm theo ("))
        #expect(text.contains("\n\nKHÔNG ĐỦ ĐIỀU KIỆN  HN-0042  Nguyễn Văn An  (candidates/nguyen-van-an.yaml)\n"))
        #expect(text.contains("ĐỦ ĐIỀU KIỆN        HN-0043  Trần Thị Bình"))
        #expect(text.contains("  candidates/nguyen-van-an.yaml:41:5  LOẠI     DISC-STATE-BAR  "))
    }

    @Test func allFormatsAreListed() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "json", "jsonl", "sarif", "csv", "html", "markdown"])
        #expect(ReportFormat(rawValue: "markdown")?.fileExtension == "md")
    }
}
