import Reports
import RuleEngine
import Testing

/// The HTML report is self-contained, escapes every text and stays usable without script.
@Suite struct HTMLReporterTests {
    @Test func escapesScriptInAName() {
        var candidate = ReportFixture.binh
        candidate.name = "<script>alert('x')</script> & \"Bình\""
        let report = Report(
            tool: .init(version: "0.1.0"), asOf: "2025-09-20", asOfSource: .option,
            rules: .init(count: 1, digest: "sha256:00"), candidates: [candidate])
        let html = report.rendered(as: .html)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Bình&quot;"))
        // Only the report's own script block.
        #expect(html.components(separatedBy: "<script>").count == 2)
        #expect(html.components(separatedBy: "</script>").count == 2)
    }

    @Test func selfContainedAndWellFormed() {
        let html = ReportFixture.report.rendered(as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        for external in ["http://", "https://", "src=", "<link"] {
            #expect(!html.contains(external), "external reference \(external)")
        }
        for tag in ["section", "article", "table", "ul", "li", "details", "tr", "td", "p", "code"] {
            let opened = html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
            let closed = html.components(separatedBy: "</\(tag)>").count - 1
            #expect(opened == closed, "<\(tag)> opened \(opened) times, closed \(closed)")
        }
        #expect(html.contains("<div class=\"controls\" id=\"verdict-filter\" hidden>"))
        #expect(html.contains("@media print"))
        #expect(html.contains("<tr data-verdict=\"invalid\">"))
        #expect(html.contains("<code>candidates/hồ sơ lỗi/broken.yaml:4:3: error: duplicate key &#39;name&#39; in mapping [yaml.duplicate-key]</code>"))
    }

    @Test func vietnameseLabels() {
        let html = ReportFixture.report.rendered(as: .html, options: ReportOptions(language: "vi"))
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("<span class=\"badge ineligible\">không đủ điều kiện</span>"))
        #expect(html.contains("Tính đến ngày: 20/09/2025 (ngày đại hội của danh sách)"))
    }
}
