import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// `appraise rules test` failure output and its JUnit XML, on `Tests/CLITests/RulesTest/`: a
/// rule with an example that does not trigger, a `passes` example that does, and a test file
/// expecting the wrong location.
@Suite struct RulesTestGoldenTests {
    static let folder = CLIGolden.folder("RulesTest")

    @Test func failureOutputShowsExpectedActualAndEvidence() throws {
        let run = try runAppraise(["rules", "test", "."], cwd: Self.folder)
        #expect(run.code == 1)
        CLIGolden.check(LintGoldenTests.transcript(run), against: Self.folder.appendingPathComponent("text.golden"))
    }

    @Test func junitIsWellFormedAndCountsTheFailures() throws {
        let run = try runAppraise(["rules", "test", "--format", "junit", "."], cwd: Self.folder)
        #expect(run.code == 1)
        let document = try XMLDocument(data: Data(run.stdout.utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "4")
        #expect(root.attribute(forName: "failures")?.stringValue == "3")
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == 4)
        let failures = try document.nodes(forXPath: "//testcase/failure/@message").compactMap(\.stringValue)
        #expect(failures.first == "expected at least one finding of DISC-STATE-WARNING, got none")
        CLIGolden.check(run.stdout, against: Self.folder.appendingPathComponent("junit.golden"))
    }
}
