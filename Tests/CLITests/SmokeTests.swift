import Testing
import TestSupport

@Suite struct SmokeTests {
    @Test func checkOfTheShippedCandidatesRuns() throws {
        let run = try runAppraise(["check", "--as-of", "2025-09-20", "candidates/nguyen-van-an.yaml"])
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("ELIGIBLE    NB-2025-001  Nguyễn Văn An"))
    }
}
