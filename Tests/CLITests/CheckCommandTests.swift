import Foundation
import Testing
import TestSupport

/// `appraise check` end to end: verdicts of the shipped candidates, located validation
/// errors, exit codes, languages and determinism.
@Suite struct CheckCommandTests {
    let asOf = ["--as-of", "2025-09-20"]

    @Test func shippedCandidatesGetTheVerdictsOfTheReadme() throws {
        let expected = try CLIFixtures.expectedCandidates()
        #expect(expected.count == 19)
        #expect(expected.map(\.file) == CLIFixtures.candidateFiles)
        let run = try runAppraise(["check", "--format", "json"] + asOf + expected.map(\.file))
        #expect(run.code == 1, "\(run.stderr)")
        let candidates = try #require(try CLIFixtures.object(run.stdout)["candidates"] as? [[String: Any]])
        #expect(candidates.count == expected.count)
        for (row, candidate) in zip(expected, candidates) {
            #expect(candidate["file"] as? String == row.file)
            #expect(candidate["id"] as? String == row.id, "\(row.file)")
            #expect(candidate["verdict"] as? String == row.verdict, "\(row.file)")
            let rules = (candidate["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }.sorted()
            #expect(rules == row.rules, "\(row.file)")
        }
    }

    @Test func errorFindingForARuleThatFails() throws {
        let run = try runAppraise(["check", "--format", "json"] + asOf + ["candidates/ha-van-son.yaml"])
        let candidate = try #require((try CLIFixtures.object(run.stdout)["candidates"] as? [[String: Any]])?.first)
        let findings = try #require(candidate["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["rule"] ?? "") \($0["severity"] ?? "")" } == [
            "AGE-FIRST-TERM error", "DECL-NOMINATION-MISSING review",
        ])
    }

    /// The part of the rule that failed, `table[level][candidate.gender]` on line 55 of
    /// age-and-posts.yaml, is given as a range (end exclusive) in JSON, SARIF and text.
    @Test func ruleFailureIsShownAtItsRangeInTheRuleFile() throws {
        let file = ["candidates/ha-van-son.yaml"]
        let json = try runAppraise(["check", "--format", "json"] + asOf + file)
        let candidate = try #require((try CLIFixtures.object(json.stdout)["candidates"] as? [[String: Any]])?.first)
        let finding = try #require((candidate["findings"] as? [[String: Any]])?.first)
        let failure = try #require(finding["failure"] as? [String: Any])
        #expect(failure["file"] as? String == "age-and-posts.yaml")
        #expect(failure["expression"] as? String == "table[level][candidate.gender]")
        #expect(["line", "column", "end_line", "end_column"].map { failure[$0] as? Int } == [55, 46, 55, 76])

        let sarif = try runAppraise(["check", "--format", "sarif"] + asOf + file)
        let run = try #require((try CLIFixtures.object(sarif.stdout)["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first { $0["ruleId"] as? String == "AGE-FIRST-TERM" })
        let related = try #require(result["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related.first?["id"] as? Int == 1)
        #expect((related.first?["message"] as? [String: Any])?["text"] as? String == "the part of the rule that failed")
        let physical = related.first?["physicalLocation"] as? [String: Any]
        #expect((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String == "age-and-posts.yaml")
        let region = physical?["region"] as? [String: Any]
        #expect(["startLine", "startColumn", "endLine", "endColumn"].map { region?[$0] as? Int } == [55, 46, 55, 76])

        let text = try runAppraise(["check"] + asOf + file)
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let at = try #require(lines.firstIndex { $0.contains("AGE-FIRST-TERM") })
        #expect(lines[(at + 1)...].prefix(3).joined(separator: "\n") == """
                  rule file: age-and-posts.yaml:55:46-55:76
                          when: "subject && candidate.birth_date < table[level][candidate.gender]"
                                                                   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
            """)
    }

    @Test func invalidDossierReportsItsFourProblemsAtTheirLines() throws {
        let run = try runAppraise(["check"] + asOf + ["candidates/invalid/nguyen-thi-loi.yaml"])
        #expect(run.code == 2)
        #expect(run.checkBody == """
            INVALID     NB-2025-099  Nguyễn Thị Lợi  (candidates/invalid/nguyen-thi-loi.yaml)
              candidates/invalid/nguyen-thi-loi.yaml:13:15: error: invalid date '1979-02-30' for candidate.birth_date; expected an existing date as YYYY-MM-DD [schema.date]
              candidates/invalid/nguyen-thi-loi.yaml:14:11: error: unknown value 'nu' for candidate.gender; expected one of male, female [schema.enum]
              candidates/invalid/nguyen-thi-loi.yaml:18:3: warning: unknown field 'nickname' in candidate [schema.unknown-field]
              candidates/invalid/nguyen-thi-loi.yaml:26:5: error: duplicate key 'total_income' in this mapping [yaml.duplicate-key]

            1 candidate: 0 eligible, 0 review, 0 ineligible, 1 invalid

            """)
    }

    @Test func duplicateKeyBadDateWrongEnumAndUnknownFieldAllReported() throws {
        let folder = try CLIFixtures.folder(["hồ sơ/bad.yaml": """
            format: dossier/1
            candidate:
              id: T-1
              name: Trần Thị Thử
              birth_date: 1980-13-01
              gender: nữ
              name: Trần Thị Thử
              nick: x
            discipline:
              - {system: party, form: warning, date: 2020-01-01, severity: high}

            """])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["check"] + asOf + ["hồ sơ/bad.yaml"], cwd: folder)
        #expect(run.code == 2)
        let lines = run.checkBody.split(separator: "\n").map(String.init)
        #expect(Array(lines.dropFirst().prefix(5)) == [
            "  hồ sơ/bad.yaml:5:15: error: invalid date '1980-13-01' for candidate.birth_date; expected an existing date as YYYY-MM-DD [schema.date]",
            "  hồ sơ/bad.yaml:6:11: error: unknown value 'nữ' for candidate.gender; expected one of male, female [schema.enum]",
            "  hồ sơ/bad.yaml:7:3: error: duplicate key 'name' in this mapping [yaml.duplicate-key]",
            "  hồ sơ/bad.yaml:8:3: warning: unknown field 'nick' in candidate [schema.unknown-field]",
            "  hồ sơ/bad.yaml:10:54: warning: unknown field 'severity' in discipline [schema.unknown-field]",
        ])
        let strict = try runAppraise(["check", "--strict"] + asOf + ["hồ sơ/bad.yaml"], cwd: folder)
        #expect(strict.stdout.contains("hồ sơ/bad.yaml:8:3: error: unknown field 'nick' in candidate [schema.unknown-field]"))
    }

    @Test func exitCodesFollowFailOn() throws {
        let eligible = try runAppraise(["check"] + asOf + ["candidates/nguyen-van-an.yaml"])
        #expect(eligible.code == 0)
        let review = ["candidates/ngo-van-khoa.yaml"]
        #expect(try runAppraise(["check"] + asOf + review).code == 1)
        #expect(try runAppraise(["check", "--fail-on", "disqualify"] + asOf + review).code == 0)
        #expect(try runAppraise(["check", "--fail-on", "disqualify"] + asOf + ["candidates/vu-thi-mai.yaml"]).code == 1)
        #expect(try runAppraise(["check", "--fail-on", "never"] + asOf + ["candidates/vu-thi-mai.yaml"]).code == 0)
        let invalid = try runAppraise(["check", "--fail-on", "never"] + asOf + ["candidates/invalid/nguyen-thi-loi.yaml"])
        #expect(invalid.code == 2)
        let missing = try runAppraise(["check"] + asOf + ["candidates/nobody.yaml"])
        #expect(missing.code == 2)
        let usage = try runAppraise(["check", "--as-of", "2025-02-30", "candidates/nguyen-van-an.yaml"])
        #expect(usage.code == 2)
        let badOption = try runAppraise(["check", "--fail-on", "sometimes", "candidates/nguyen-van-an.yaml"])
        #expect(badOption.stderr.contains("Error: The value 'sometimes' is invalid for '--fail-on <fail-on>'"))
        #expect(badOption.code == 2)
    }

    @Test func vietnameseDatesAndMoney() throws {
        let run = try runAppraise(["check", "--lang", "vi"] + asOf + ["candidates/pham-van-lam.yaml"])
        #expect(run.code == 1)
        #expect(run.stdout.contains("25/11/2022"))
        #expect(run.stdout.contains("5.150.000.000 ₫, gấp 10 lần trở lên tổng thu nhập 310.000.000 ₫"))
        #expect(run.stdout.contains("1.800.000.000 ₫"))
        #expect(!run.stdout.contains("2022-11-25"))
        let english = try runAppraise(["check"] + asOf + ["candidates/pham-van-lam.yaml"])
        #expect(english.stdout.contains("1,800,000,000 VND"))
    }

    @Test func explainPrintsEvidenceUnderEachFinding() throws {
        let run = try runAppraise(["check", "--explain"] + asOf + ["candidates/pham-van-lam.yaml"])
        #expect(run.stdout.contains("months_between(v.date, as_of) = 33 < 12 * params.unexplained_lookback_years = 60"))
        #expect(run.stdout.contains("candidates/pham-van-lam.yaml:118:15"))
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        for format in ["text", "json"] {
            let arguments = ["check", "--format", format] + asOf + CLIFixtures.candidateFiles
            let first = try runAppraise(arguments)
            let second = try runAppraise(arguments)
            #expect(first.stdout == second.stdout, "\(format)")
            #expect(!first.stdout.isEmpty)
        }
    }
}
