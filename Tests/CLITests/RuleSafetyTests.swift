import Foundation
import Testing
import TestSupport

/// Rule-side safety (issue 8): a catastrophic `matches` pattern over a long dossier string
/// finishes (LinearRegex is linear time), and a rule that fails at run time never stops
/// other rules or other dossiers.
@Suite struct RuleSafetyTests {
    static let rules = packageRoot().appendingPathComponent("Tests/CLITests/Rules")

    @Test(arguments: [["check"], ["screen", "--jobs", "2"]])
    func catastrophicPatternAndFailingRuleDoNotStopScreening(command: [String]) throws {
        let folder = try Hostile.scratch("safety\(command.count)")
        defer { Hostile.remove(folder) }
        let valid = try Hostile.validDossier()
        // `^(a+)+$` against 100,000 `a` and a `!`: exponential for a backtracking engine.
        try Hostile.write(
            Array(valid.replacingOccurrences(of: "position: Trưởng phòng", with: "position: " + String(repeating: "a", count: 100_000) + "!").utf8),
            "a-long.yaml", in: folder)
        try Hostile.write(
            Array(valid.replacingOccurrences(of: "position: Trưởng phòng", with: "position: aaaa")
                .replacingOccurrences(of: "HX-0001", with: "HX-0002").utf8),
            "b-short.yaml", in: folder)
        let isCheck = command == ["check"]
        let inputs = isCheck ? ["a-long.yaml", "b-short.yaml"] : ["--format", "jsonl", "."]
        let run = try runAppraise(
            command + ["--rules", Self.rules.path, "--as-of", "2025-09-20"] + inputs, cwd: folder, timeout: 120)
        #expect(run.code == 1, "\(run.stdout)\(run.stderr)")
        let expected = """
            REVIEW      HX-0001  Phạm Thị Thử  (a-long.yaml)
              a-long.yaml:5:3  ERROR       DIVIDE-BY-ZERO  rule failed: division by zero (in `1 / (size(candidate.name) - size(candidate.name))` at hostile.yaml:19:11) [eval.division-by-zero]
                  rule file: hostile.yaml:19:11-19:60
                          when: 1 / (size(candidate.name) - size(candidate.name)) > 0
                                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                  test
              a-long.yaml:5:3  NOTE        ALWAYS  checked Phạm Thị Thử
                  test

            REVIEW      HX-0002  Phạm Thị Thử  (b-short.yaml)
              b-short.yaml:5:3  ERROR       DIVIDE-BY-ZERO  rule failed: division by zero (in `1 / (size(candidate.name) - size(candidate.name))` at hostile.yaml:19:11) [eval.division-by-zero]
                  rule file: hostile.yaml:19:11-19:60
                          when: 1 / (size(candidate.name) - size(candidate.name)) > 0
                                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                  test
              b-short.yaml:5:3  REVIEW      REGEX-CATASTROPHIC  position matches
                  test
              b-short.yaml:5:3  NOTE        ALWAYS  checked Phạm Thị Thử
                  test

            2 candidates: 0 eligible, 2 review, 0 ineligible, 0 invalid

            """
        if isCheck {
            #expect(run.checkBody == expected)
        } else {
            let lines = Array(run.stdout.split(separator: "\n").dropFirst())  // the run line
            #expect(lines.count == 4)
            #expect(lines[0].contains("\"rule\":\"DIVIDE-BY-ZERO\",\"severity\":\"error\""))
            // The part that failed, placed in the rule file, as a value.
            #expect(lines[0].contains(
                "\"failure\":{\"code\":\"eval.division-by-zero\",\"expression\":\"1 / (size(candidate.name) - size(candidate.name))\","
                    + "\"file\":\"hostile.yaml\",\"line\":19,\"column\":11,\"end_line\":19,\"end_column\":60}"), "\(lines[0])")
            #expect(lines[0].contains("\"rule\":\"ALWAYS\""))
            #expect(!lines[0].contains("REGEX-CATASTROPHIC"))
            #expect(lines[1].contains("\"rule\":\"REGEX-CATASTROPHIC\""))
            #expect(lines[1].contains("\"rule\":\"ALWAYS\""))
        }
    }
}

/// Two dossiers with one candidate id: the second is invalid, located at its `candidate.id`.
@Suite struct DuplicateIDTests {
    @Test func duplicateIDPointsAtTheID() throws {
        let folder = try Hostile.scratch()
        defer { Hostile.remove(folder) }
        let valid = Array(try Hostile.validDossier().utf8)
        try Hostile.write(valid, "a.yaml", in: folder)
        try Hostile.write(valid, "b.yaml", in: folder)
        let run = try Hostile.check(["a.yaml", "b.yaml"], cwd: folder)
        #expect(run.code == 2)
        #expect(run.stdout.contains(
            "  b.yaml:5:7: error: candidate id 'HX-0001' is also used by a.yaml; ids must be unique on a slate [input.duplicate-id]\n"),
            "\(run.stdout)")
    }
}
