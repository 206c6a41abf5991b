import Reports
import Testing

/// Every format rendered from the one fixed report, against its golden file.
@Suite struct GoldenTests {
    let report = ReportFixture.report

    @Test func screenText() {
        let options = ReportOptions(explain: true, style: .screen)
        assertGolden(report.rendered(as: .text, options: options), named: "report.txt")
    }

    @Test func checkText() {
        let options = ReportOptions(explain: true, style: .check)
        assertGolden(report.rendered(as: .text, options: options), named: "report.check.txt")
    }

    @Test func json() { assertGolden(report.rendered(as: .json), named: "report.json") }
    @Test func jsonl() { assertGolden(report.rendered(as: .jsonl), named: "report.jsonl") }
    @Test func sarif() { assertGolden(report.rendered(as: .sarif), named: "report.sarif") }
    @Test func csv() { assertGolden(report.rendered(as: .csv), named: "report.csv") }
    @Test func html() { assertGolden(report.rendered(as: .html), named: "report.html") }
    @Test func markdown() { assertGolden(report.rendered(as: .markdown), named: "report.md") }

    @Test func vietnameseScreen() {
        let options = ReportOptions(language: "vi", style: .screen)
        assertGolden(report.rendered(as: .text, options: options), named: "report.vi.txt")
    }

    @Test func vietnameseHTML() {
        assertGolden(report.rendered(as: .html, options: ReportOptions(language: "vi")), named: "report.vi.html")
    }

    /// Review decisions and a baseline, in every format (`decisions.md`).
    @Test(arguments: ReportFormat.allCases)
    func reviewed(format: ReportFormat) {
        let options = ReportOptions(explain: true, style: .screen)
        assertGolden(ReportFixture.reviewed.rendered(as: format, options: options), named: "reviewed.\(format.rawValue)")
    }

    @Test func reviewedVietnameseText() {
        let options = ReportOptions(language: "vi", style: .check)
        assertGolden(ReportFixture.reviewed.rendered(as: .text, options: options), named: "reviewed.vi.txt")
    }

    @Test(arguments: ReportFormat.allCases)
    func sameReportSameBytes(format: ReportFormat) {
        let options = ReportOptions(explain: true, style: .screen)
        #expect(report.rendered(as: format, options: options) == ReportFixture.report.rendered(as: format, options: options))
    }
}
