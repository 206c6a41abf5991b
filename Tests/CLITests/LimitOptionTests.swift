import Foundation
import Testing
import TestSupport

/// Each limit end to end: a valid dossier with an unknown `extra` field (a warning, so the
/// file still loads) that crosses the limit's default is rejected with a message naming the
/// option; the same file loads once the option raises the limit.
@Suite struct LimitOptionTests {
    struct Case: Sendable, CustomStringConvertible {
        var option: String
        var raised: String
        /// What follows the valid dossier.
        var extra: @Sendable () -> String
        /// The diagnostic for `limit.yaml` at the default.
        var diagnostic: @Sendable (Int) -> String
        var description: String { option }
    }

    static let cases: [Case] = [
        Case(option: "--max-depth", raised: "200", extra: {
            "extra: " + String(repeating: "[", count: 150) + String(repeating: "]", count: 150) + "\n"
        }, diagnostic: { _ in
            "limit.yaml:29:107: error: the nesting is deeper than the depth limit of 100 levels; raise it with --max-depth [yaml.too-deep]"
        }),
        Case(option: "--max-alias-nodes", raised: "20000", extra: {
            let ten = (0..<10).map { _ in "*a" }.joined(separator: ",")
            return "extra:\n  a: &a [1,2,3,4,5,6,7,8,9,10]\n  b: &b [\(ten)]\n"
                + "  c: &c [\(ten.replacingOccurrences(of: "a", with: "b"))]\n"
                + "  d: [\(ten.replacingOccurrences(of: "a", with: "c"))]\n"
        }, diagnostic: { _ in
            "limit.yaml:33:28: error: expanding aliases exceeds the alias expansion limit of 10000 nodes; raise it with --max-alias-nodes [yaml.alias-budget]"
        }),
        Case(option: "--max-scalar-bytes", raised: "2000000", extra: {
            "extra: " + String(repeating: "x", count: (1 << 20) + 1) + "\n"
        }, diagnostic: { _ in
            "limit.yaml:29:8: error: this scalar is 1048577 bytes, more than the scalar size limit of 1048576 bytes; raise it with --max-scalar-bytes [yaml.scalar-too-long]"
        }),
        Case(option: "--max-collection-count", raised: "200000", extra: {
            "extra: [" + Array(repeating: "1", count: 100_001).joined(separator: ",") + "]\n"
        }, diagnostic: { _ in
            "limit.yaml:29:8: error: this list has more than 100000 entries, the collection size limit; raise it with --max-collection-count [yaml.collection-too-long]"
        }),
        Case(option: "--max-file-bytes", raised: "20000000", extra: {
            "#" + String(repeating: " ", count: 16 << 20) + "\n"
        }, diagnostic: { size in
            "limit.yaml:1:1: error: cannot read the dossier: it is \(size) bytes, over the file size limit of 16777216 bytes; raise it with --max-file-bytes [yaml.too-large]"
        }),
    ]

    @Test(arguments: cases)
    func limitNamesItsOptionAndTheOptionRaisesIt(_ limit: Case) throws {
        let folder = try Hostile.scratch()
        defer { Hostile.remove(folder) }
        let bytes = Array((try Hostile.validDossier() + limit.extra()).utf8)
        try Hostile.write(bytes, "limit.yaml", in: folder)
        Hostile.expectRejected(try Hostile.check(["limit.yaml"], cwd: folder), limit.diagnostic(bytes.count))

        let raised = try Hostile.check([limit.option, limit.raised, "limit.yaml"], cwd: folder)
        #expect(raised.code == 1, "\(raised.stdout)\(raised.stderr)")
        #expect(raised.checkBody.hasPrefix("REVIEW      HX-0001  Phạm Thị Thử  (limit.yaml)\n"), "\(raised.stdout)")
        #expect(raised.stdout.contains("1 candidate: 0 eligible, 1 review, 0 ineligible, 0 invalid"))
    }

    @Test func aLimitBelowOneIsACommandLineError() throws {
        let run = try runAppraise(["check", "--max-depth", "0", "candidates/nguyen-van-an.yaml"])
        #expect(run.code == 2)
        #expect(run.stderr.contains("--max-depth must be at least 1"), "\(run.stderr)")
    }
}
