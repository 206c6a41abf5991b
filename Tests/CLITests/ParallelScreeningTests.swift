import Foundation
import Testing
import TestSupport

/// A screening large enough for every parallel path at once: workers past the first screen
/// with their own replica of the rules (256 dossiers a worker or more), the workers deliver
/// the results in order themselves, and the slate rules read the kept records back on
/// several threads (1,000 candidates or more). Every `--jobs` gives the same report, byte
/// for byte, as one job.
@Suite struct ParallelScreeningTests {
    @Test func everyJobCountGivesTheOneJobReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dossiers = try AtomicOutputTests.generatedFolder(in: folder, count: 1_200)
        func screen(jobs: Int) throws -> String {
            let run = try runAppraise(
                ["screen", "--as-of", "2025-09-20", "--format", "jsonl", "--fail-on", "never", "--jobs", "\(jobs)",
                 dossiers.path],
                timeout: 300)
            try #require(run.code == 0, "\(run.stderr)")
            return run.stdout
        }
        let one = try screen(jobs: 1)
        #expect(one.split(separator: "\n").count > 1_200)
        #expect(one.contains("\"SLATE-RELATIVES"), "the slate rules found the generator's relatives")
        for jobs in [2, 3] {
            #expect(try screen(jobs: jobs) == one, "--jobs \(jobs)")
        }
    }
}
