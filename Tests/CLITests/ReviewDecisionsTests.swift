import Foundation
import Testing
import TestSupport

/// Review decisions, fingerprints, baselines and `appraise diff` end to end (`decisions.md`).
/// Fingerprints are read from runs, never hard-coded, so that rule edits do not break them.
@Suite struct ReviewDecisionsTests {
    static let asOf = ["--as-of", "2025-09-20"]

    /// (candidate id or "slate", rule, path) → (identity, content) of every finding of a JSON report.
    static func fingerprints(_ json: String) throws -> [String: [String]] {
        let report = try CLIFixtures.object(json)
        var result: [String: [String]] = [:]
        func add(_ finding: [String: Any], owner: String) {
            let location = finding["location"] as? [String: Any] ?? [:]
            let fingerprint = finding["fingerprint"] as? [String: String] ?? [:]
            let key = "\(owner) \(finding["rule"] ?? "") \(location["path"] ?? "")"
            result[key] = [fingerprint["identity"] ?? "", fingerprint["content"] ?? ""]
        }
        for candidate in report["candidates"] as? [[String: Any]] ?? [] {
            for finding in candidate["findings"] as? [[String: Any]] ?? [] { add(finding, owner: candidate["id"] as? String ?? "") }
        }
        for finding in (report["slate"] as? [String: Any])?["findings"] as? [[String: Any]] ?? [] {
            add(finding, owner: "slate")
        }
        return result
    }

    /// A scratch copy of a shipped dossier, edited by `edit`.
    static func copy(_ name: String, in folder: URL, as copy: String? = nil, edit: (String) -> String = { $0 }) throws -> String {
        let text = try String(contentsOf: CLIFixtures.root.appendingPathComponent("candidates/" + name), encoding: .utf8)
        let url = folder.appendingPathComponent(copy ?? name)
        try Data(edit(text).utf8).write(to: url)
        return url.path
    }

    // MARK: - Fingerprints

    @Test func fingerprintsSurviveUnrelatedEditsAndFollowEvidence() throws {
        let folder = try CLIFixtures.folder([:])
        defer { CLIFixtures.remove(folder) }
        let original = try Self.copy("do-quang-thuan.yaml", in: folder)
        // Lines shift (a comment block on top) and every line is re-indented (2 → 4 spaces).
        let shifted = try Self.copy("do-quang-thuan.yaml", in: folder, as: "shifted.yaml") { text in
            // Everything below a top-level key moves 2 spaces right (sequences get indented).
            let lines = text.components(separatedBy: "\n").map { (line: String) -> String in
                line.hasPrefix(" ") || line.hasPrefix("-") ? "  " + line : line
            }
            return "# added above\n# and more\n" + lines.joined(separator: "\n")
        }
        let changed = try Self.copy("do-quang-thuan.yaml", in: folder, as: "changed.yaml") {
            $0.replacingOccurrences(of: "opened: 2025-07-01", with: "opened: 2025-07-02")
        }
        let before = try Self.fingerprints(runAppraise(["check", "--format", "json"] + Self.asOf + [original]).stdout)
        let after = try Self.fingerprints(runAppraise(["check", "--format", "json"] + Self.asOf + [shifted]).stdout)
        #expect(!before.isEmpty)
        #expect(before == after)
        let edited = try Self.fingerprints(runAppraise(["check", "--format", "json"] + Self.asOf + [changed]).stdout)
        let key = "NB-2025-009 INSPECTION-OPEN investigations[0]"
        let old = try #require(before[key]), new = try #require(edited[key])
        #expect(old[0] == new[0], "identity stays")
        #expect(old[1] != new[1], "content follows the evidence")
        #expect(before["NB-2025-009 COMPLAINT-LATE complaints[0]"] == edited["NB-2025-009 COMPLAINT-LATE complaints[0]"])
    }

    @Test func fingerprintsIgnoreLanguageRedactionJobsAndPaths() throws {
        let base = try Self.fingerprints(runAppraise(["screen", "--format", "json", "candidates/slate.yaml"]).stdout)
        #expect(base.count > 20)
        for options in [["--lang", "vi"], ["--redact"], ["--jobs", "1"], ["--jobs", "3"]] {
            let other = try Self.fingerprints(runAppraise(["screen", "--format", "json"] + options + ["candidates/slate.yaml"]).stdout)
            #expect(Set(other.values) == Set(base.values), "\(options)")
        }
        // The same dossier under another path and folder.
        let folder = try CLIFixtures.folder([:])
        defer { CLIFixtures.remove(folder) }
        let moved = try Self.copy("ngo-van-khoa.yaml", in: folder, as: "other-name.yaml")
        let direct = try Self.fingerprints(runAppraise(["check", "--format", "json"] + Self.asOf + ["candidates/ngo-van-khoa.yaml"]).stdout)
        let copied = try Self.fingerprints(runAppraise(["check", "--format", "json"] + Self.asOf + [moved]).stdout)
        #expect(direct == copied)
    }

    // MARK: - The shipped decisions

    @Test func shippedDecisionsClearUpholdAndReportStaleAndExpired() throws {
        let run = try runAppraise(["screen", "--format", "json", "candidates/slate.yaml"])
        #expect(run.code == 1, "\(run.stderr)")
        let report = try CLIFixtures.object(run.stdout)
        var status: [String: String] = [:]
        var verdicts: [String: String] = [:]
        for candidate in report["candidates"] as? [[String: Any]] ?? [] {
            let id = candidate["id"] as? String ?? ""
            verdicts[id] = candidate["verdict"] as? String
            for finding in candidate["findings"] as? [[String: Any]] ?? [] {
                status["\(id) \(finding["rule"] ?? "")"] = finding["status"] as? String
            }
        }
        #expect(status["NB-2025-009 INSPECTION-OPEN"] == "cleared")
        #expect(verdicts["NB-2025-009"] == "eligible", "its only finding above note is cleared")
        #expect(status["NB-2025-011 COMPLAINT-SUBSTANTIATED"] == "upheld")
        #expect(verdicts["NB-2025-011"] == "review")
        #expect(status["NB-2025-012 FAMILY-POST-IN-UNIT"] == "open", "stale: not applied")
        #expect(status["NB-2025-010 CASE-VIOLATION-RECENT"] == "open", "expired: not applied")
        let decisions = try #require(report["decisions"] as? [String: Any])
        #expect(decisions["count"] as? Int == 4)
        #expect((decisions["digest"] as? String)?.hasPrefix("sha256:") == true)
        let notApplied = try #require(decisions["not_applied"] as? [[String: Any]])
        #expect(notApplied.map { "\($0["status"] ?? "") \($0["candidate"] ?? "") \($0["rule"] ?? "")" } == [
            "stale NB-2025-012 FAMILY-POST-IN-UNIT", "expired NB-2025-010 CASE-VIOLATION-RECENT",
        ])
        let changes = try #require(notApplied.first?["changes"] as? [[String: Any]])
        #expect(changes.map { "\($0["path"] ?? ""): \($0["old"] ?? "") → \($0["new"] ?? "")" } == [
            "family[1].post: Kế toán viên → Kế toán trưởng",
        ])
        #expect((report["summary"] as? [String: Any])?["cleared"] as? Int == 1)
    }

    @Test func everyFormatShowsTheDecisions() throws {
        let text = try runAppraise(["screen", "candidates/slate.yaml"]).stdout
        #expect(text.contains("      CLEARED: Đã xác minh với Kiểm toán Nhà nước khu vực XI"))
        #expect(text.contains("      UPHELD: Nội dung tố cáo"))
        #expect(text.contains("STALE  FAMILY-POST-IN-UNIT  NB-2025-012 family[1]\n      family[1].post: Kế toán viên → Kế toán trưởng"))
        #expect(text.contains("EXPIRED  CASE-VIOLATION-RECENT  NB-2025-010 investigations[0]"))
        #expect(text.contains("0 invalid, 1 cleared"))
        let sarif = try CLIFixtures.object(runAppraise(["screen", "--format", "sarif", "candidates/slate.yaml"]).stdout)
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]))
        let suppressed = results.compactMap { result -> String? in
            guard let suppression = (result["suppressions"] as? [[String: Any]])?.first else { return nil }
            return "\(result["ruleId"] ?? "") \(suppression["kind"] ?? "") \(suppression["status"] ?? "")"
        }
        #expect(suppressed == ["INSPECTION-OPEN external accepted", "COMPLAINT-SUBSTANTIATED external rejected"])
        #expect(results.allSatisfy { result in
            result["ruleId"] as? String == nil || (result["partialFingerprints"] as? [String: String])?.count == 2
                || (result["ruleId"] as? String ?? "").contains(".")
        })
        let csv = CSVReader.rows(try runAppraise(["screen", "--format", "csv", "candidates/slate.yaml"]).stdout)
        #expect(csv.contains { $0.count == 13 && $0[4] == "INSPECTION-OPEN" && $0[11] == "cleared" && $0[12].hasPrefix("Đã xác minh") })
        let html = try runAppraise(["screen", "--format", "html", "candidates/slate.yaml"]).stdout
        #expect(html.contains("<li class=\"finding review cleared\">"))
        #expect(html.contains("data-toggle=\"cleared\""))
        #expect(html.contains("<section id=\"decisions\">"))
        let markdown = try runAppraise(["screen", "--format", "markdown", "candidates/slate.yaml"]).stdout
        #expect(markdown.contains("<br>CLEARED: Đã xác minh"))
        let redacted = try runAppraise(["screen", "--redact", "--format", "json", "candidates/slate.yaml"]).stdout
        #expect(!redacted.contains("Đã xác minh") && !redacted.contains("Tiểu ban Nhân sự") && !redacted.contains("Kế toán viên"))
        #expect(redacted.contains("\"reason\": \"[redacted]\""))
    }

    @Test func sarifWithSuppressionsAndBaselineStatesValidates() throws {
        let folder = try CLIFixtures.folder([:])
        defer { CLIFixtures.remove(folder) }
        let old = folder.appendingPathComponent("old.json").path
        _ = try runAppraise(["screen", "--output", "json=" + old, "candidates/slate.yaml"])
        let screened = try runAppraise(["screen", "--format", "sarif", "--baseline", old, "candidates/slate.yaml"])
        #expect(screened.stdout.contains("\"suppressions\"") && screened.stdout.contains("\"baselineState\": \"unchanged\""))
        let schema = try String(
            contentsOf: packageRoot().appendingPathComponent("Tests/ReportsTests/Schemas/sarif-schema-2.1.0.json"), encoding: .utf8)
        guard let errors = try jsonSchemaErrors(schema: schema, documents: ["screen": screened.stdout]) else {
            Issue.record("python3 with jsonschema is missing: pip install jsonschema")
            return
        }
        #expect(errors["screen"] == [])
    }

    @Test func slateFindingDecisionsAndNotYet() throws {
        let folder = try CLIFixtures.folder([
            "slate-decisions.yaml": """
                format: decisions/1
                decisions:
                  - involved: [NB-2025-018, HS-2025-0418]     # any order
                    rule: SLATE-DUPLICATE-PERSON
                    at: candidate
                    outcome: upheld
                    reason: Một người, hai hồ sơ; rút hồ sơ HS-2025-0418.
                    decided_by: Ban Tổ chức Tỉnh ủy
                    decided_on: 2025-09-01
                  - involved: []
                    rule: SLATE-SEATS
                    at: slate
                    outcome: cleared
                    reason: Số dư theo phương án nhân sự đã được Ban Thường vụ thông qua.
                    decided_by: Ban Thường vụ Tỉnh ủy
                    decided_on: 2025-09-19

                """,
        ])
        defer { CLIFixtures.remove(folder) }
        let file = folder.appendingPathComponent("slate-decisions.yaml").path
        let run = try runAppraise(["screen", "--format", "json", "--decisions", file, "candidates/slate.yaml"])
        let report = try CLIFixtures.object(run.stdout)
        let slate = (report["slate"] as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        #expect(slate.map { "\($0["rule"] ?? "") \($0["status"] ?? "")" }.prefix(3) == [
            "SLATE-RELATIVES-RELATED-POSTS open", "SLATE-DUPLICATE-PERSON upheld", "SLATE-SEATS cleared",
        ])
        #expect((report["summary"] as? [String: Any])?["cleared"] as? Int == 2)
        // On 2025-09-18 the SLATE-SEATS decision (2025-09-19) is not yet in force.
        let earlier = try runAppraise(["screen", "--format", "json", "--as-of", "2025-09-18", "--decisions", file, "candidates/slate.yaml"])
        let notApplied = (try CLIFixtures.object(earlier.stdout)["decisions"] as? [String: Any])?["not_applied"] as? [[String: Any]] ?? []
        #expect(notApplied.contains { $0["status"] as? String == "not yet" && $0["rule"] as? String == "SLATE-SEATS" })
    }

    @Test func twoRunsAreByteIdentical() throws {
        for format in ["json", "sarif", "html", "text"] {
            let first = try runAppraise(["screen", "--format", format, "--jobs", "1", "candidates/slate.yaml"])
            let second = try runAppraise(["screen", "--format", format, "--jobs", "4", "candidates/slate.yaml"])
            #expect(first.stdout == second.stdout, "\(format)")
        }
    }

    // MARK: - Template, fill in, screen again, diff

    @Test func templateFilledInClearsOnTheNextRunAndDiffNamesTheChange() throws {
        let folder = try CLIFixtures.folder([:])
        defer { CLIFixtures.remove(folder) }
        let dossier = try Self.copy("ngo-van-khoa.yaml", in: folder)
        let report = folder.appendingPathComponent("round1.json").path
        let first = try runAppraise(["check", "--output", "json=" + report] + Self.asOf + [dossier])
        #expect(first.code == 1, "\(first.stderr)")
        let template = try runAppraise(["decisions", "template", report])
        #expect(template.code == 0, "\(template.stderr)")
        #expect(template.stdout.contains("format: decisions/1"))
        #expect(template.stdout.contains("rule: \"CASE-VIOLATION-RECENT\""))
        #expect(template.stdout.contains("rule: \"COMPLAINT-PENDING\""))
        let unfilled = folder.appendingPathComponent("unfilled.yaml")
        try Data(template.stdout.utf8).write(to: unfilled)
        let refused = try runAppraise(["check", "--decisions", unfilled.path] + Self.asOf + [dossier])
        #expect(refused.code == 2)
        #expect(refused.stderr.contains("must not be blank [schema.blank]"))
        #expect(refused.stderr.contains("required field decisions[0].decided_on is null"))
        #expect(refused.stdout.isEmpty, "nothing reported from a half-filled template")
        // A person fills in both entries: the first cleared, the second upheld.
        var filled = template.stdout
        filled = filled.replacingOccurrences(of: "reason: ''", with: "reason: Đã xác minh, đã khắc phục.")
        filled = filled.replacingOccurrences(of: "decided_by: ''", with: "decided_by: Tiểu ban Nhân sự")
        filled = filled.replacingOccurrences(of: "decided_on:               # YYYY-MM-DD", with: "decided_on: 2025-09-01")
        let second = filled.range(of: "outcome: cleared", options: .backwards)!
        filled.replaceSubrange(second, with: "outcome: upheld")
        let decisions = folder.appendingPathComponent("decisions.yaml")
        try Data(filled.utf8).write(to: decisions)
        let round2 = folder.appendingPathComponent("round2.json").path
        let again = try runAppraise(["check", "--decisions", decisions.path, "--output", "json=" + round2] + Self.asOf + [dossier])
        #expect(again.code == 1, "\(again.stderr)")
        let statuses = try String(contentsOfFile: round2, encoding: .utf8)
        #expect(statuses.contains("\"status\": \"cleared\"") && statuses.contains("\"status\": \"upheld\""))
        // Nothing changed in the dossier: the diff says so (statuses are not changes of evidence).
        let same = try runAppraise(["diff", report, round2])
        #expect(same.code == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("nothing changed"))
        // The dossier changes one evidence value: exactly that finding and value.
        let text = try String(contentsOfFile: dossier, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "received: 2025-06-02", with: "received: 2025-06-03").utf8)
            .write(to: URL(fileURLWithPath: dossier))
        let round3 = folder.appendingPathComponent("round3.json").path
        let third = try runAppraise(["check", "--decisions", decisions.path, "--output", "json=" + round3] + Self.asOf + [dossier])
        #expect(third.code == 1, "\(third.stderr)")
        let diff = try runAppraise(["diff", round2, round3])
        #expect(diff.code == 1)
        let changes = diff.stdout.split(separator: "\n").filter { !$0.hasPrefix("old:") && !$0.hasPrefix("new:") && !$0.isEmpty }
        #expect(changes.count == 2, "\(diff.stdout)")
        #expect(changes.first?.hasPrefix("UPDATED  NB-2025-010  COMPLAINT-PENDING  complaints[0]  denunciation received 2025-06-03") == true)
        #expect(changes.last == "    complaints[0].received: 2025-06-02 → 2025-06-03")
        // The decision on it is now stale, naming the value.
        let stale = try runAppraise(["check", "--decisions", decisions.path] + Self.asOf + [dossier])
        #expect(stale.stdout.contains("STALE  COMPLAINT-PENDING"))
        #expect(stale.stdout.contains("complaints[0].received: 2025-06-02 → 2025-06-03"))
        let json = try CLIFixtures.object(runAppraise(["diff", "--format", "json", round2, round3]).stdout)
        #expect(json["changed"] as? Bool == true && json["rules_differ"] as? Bool == false)
        let markdown = try runAppraise(["diff", "--format", "markdown", round2, round3])
        #expect(markdown.stdout.contains("| updated | NB-2025-010 | COMPLAINT-PENDING | `complaints[0]` |"))
        // --baseline marks the findings against round 2.
        let baseline = try runAppraise(["check", "--baseline", round2, "--format", "json"] + Self.asOf + [dossier])
        let findings = (try CLIFixtures.object(baseline.stdout)["candidates"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []
        #expect(findings.map { "\($0["rule"] ?? "") \($0["baseline"] ?? "")" }.sorted() == [
            "CASE-VIOLATION-RECENT unchanged", "COMPLAINT-PENDING updated",
        ])
        let sarif = try runAppraise(["check", "--baseline", round2, "--format", "sarif"] + Self.asOf + [dossier]).stdout
        #expect(sarif.contains("\"baselineState\": \"updated\"") && sarif.contains("\"baselineState\": \"unchanged\""))
    }

    @Test func diffRejectsBadInputAndSaysWhenRulesDiffer() throws {
        let folder = try CLIFixtures.folder(["not.json": "{not json", "other.json": "{\"candidates\": []}"])
        defer { CLIFixtures.remove(folder) }
        let bad = try runAppraise(["diff", folder.appendingPathComponent("not.json").path, folder.appendingPathComponent("not.json").path])
        #expect(bad.code == 2)
        #expect(bad.stderr.contains("is not a JSON report of appraise"))
        let other = try runAppraise(["diff", folder.appendingPathComponent("other.json").path, folder.appendingPathComponent("other.json").path])
        #expect(other.code == 2)
        let report = folder.appendingPathComponent("r.json").path
        _ = try runAppraise(["check", "--output", "json=" + report] + Self.asOf + ["candidates/ngo-van-khoa.yaml"])
        var text = try String(contentsOfFile: report, encoding: .utf8)
        let digest = try #require((try CLIFixtures.object(text)["rules"] as? [String: Any])?["digest"] as? String)
        text = text.replacingOccurrences(of: digest, with: "sha256:" + String(repeating: "0", count: 64))
        let older = folder.appendingPathComponent("older.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: older))
        let diff = try runAppraise(["diff", older, report])
        #expect(diff.code == 0)
        #expect(diff.stdout.contains("note: the reports were made with different rules"))
    }

    // MARK: - Bad decisions files (hostile corpus)

    static let hostile = packageRoot().appendingPathComponent("Tests/CLITests/Hostile/decisions")

    /// (file, the first diagnostic `check --decisions FILE` prints).
    static let cases: [(String, String)] = [
        ("not-yaml.yaml", "not-yaml.yaml:4:1: error: did not find expected ',' or '}' while parsing a flow mapping [yaml.syntax]"),
        ("unknown-field.yaml",
         "unknown-field.yaml:10:5: error: unknown field 'expiry' in decision; did you mean 'expires'? [schema.unknown-field]"),
        ("wrong-outcome.yaml",
         "wrong-outcome.yaml:6:14: error: unknown value 'waived' for decisions[0].outcome; expected one of cleared, upheld [schema.enum]"),
        ("bad-date.yaml",
         "bad-date.yaml:9:17: error: invalid date '30/08/2025' for decisions[0].decided_on; expected an existing date as YYYY-MM-DD [schema.date]"),
        ("blank-reason.yaml", "blank-reason.yaml:7:13: error: decisions[0].reason must not be blank [schema.blank]"),
        ("disqualify.yaml",
         "disqualify.yaml:4:11: error: rule DISC-EXPELLED has severity disqualify; its findings cannot be cleared or decided (no forbidden areas, no exceptions) [decision.disqualify]"),
        ("duplicate.yaml",
         "duplicate.yaml:10:5: error: two decisions for one finding (CASE-VIOLATION-RECENT at investigations[0] of NB-2025-010), in force at the same time [decision.duplicate]"),
        ("no-subject.yaml",
         "no-subject.yaml:3:5: error: a decision must name candidate (a candidate finding) or involved (a slate finding) [decision.subject]"),
    ]

    @Test(arguments: cases)
    func badDecisionsFileIsRefused(file: String, diagnostic: String) throws {
        let dossier = CLIFixtures.root.appendingPathComponent("candidates/ngo-van-khoa.yaml").path
        let run = try runAppraise(["check", "--format", "json", "--decisions", file] + Self.asOf + [dossier], cwd: Self.hostile)
        #expect(run.code == 2)
        #expect(run.stdout.isEmpty, "no report, so nothing is cleared")
        #expect(run.stderr.hasPrefix(diagnostic + "\n"), "\(run.stderr)")
    }

    @Test func unknownCandidateIsUnmatchedNotAnError() throws {
        let dossier = CLIFixtures.root.appendingPathComponent("candidates/ngo-van-khoa.yaml").path
        let run = try runAppraise(
            ["check", "--format", "json", "--decisions", "unknown-candidate.yaml"] + Self.asOf + [dossier], cwd: Self.hostile)
        #expect(run.code == 1, "\(run.stderr)")
        let notApplied = (try CLIFixtures.object(run.stdout)["decisions"] as? [String: Any])?["not_applied"] as? [[String: Any]]
        #expect(notApplied?.map { "\($0["status"] ?? "") \($0["candidate"] ?? "")" } == ["unmatched NB-9999-999"])
    }

    @Test func everyHostileDecisionsFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.hostile.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.cases.map(\.0) + ["unknown-candidate.yaml"]))
    }

    @Test func decisionOnARuleErrorFindingIsRefused() throws {
        // Tests/CLITests/Rules/hostile.yaml: DIVIDE-BY-ZERO (a note rule) fails at run time,
        // an `error` finding at `candidate`; a decision cannot answer it.
        let folder = try CLIFixtures.folder([
            "d.yaml": """
                format: decisions/1
                decisions:
                  - candidate: NB-2025-010
                    rule: ALWAYS
                    at: candidate
                    outcome: upheld
                    reason: ok
                    decided_by: x
                    decided_on: 2025-09-01
                  - candidate: NB-2025-010
                    rule: DIVIDE-BY-ZERO
                    at: candidate
                    outcome: cleared
                    reason: ok
                    decided_by: x
                    decided_on: 2025-09-01

                """,
        ])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise([
            "check", "--rules", "Tests/CLITests/Rules/hostile.yaml", "--decisions", folder.appendingPathComponent("d.yaml").path,
        ] + Self.asOf + ["candidates/ngo-van-khoa.yaml"])
        #expect(run.code == 2)
        #expect(run.stderr.contains("d.yaml:10:5: error: the finding of DIVIDE-BY-ZERO at candidate is a rule error"), "\(run.stderr)")
        #expect(run.stdout.contains("ERROR       DIVIDE-BY-ZERO"), "the error finding stays, not cleared")
        #expect(run.stdout.contains("UPHELD: ok"))
    }
}
