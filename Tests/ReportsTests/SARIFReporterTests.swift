import CEL
import Diagnostics
import Foundation
import Reports
import RuleEngine
import Testing

/// The SARIF report validates against the OASIS 2.1.0 schema and carries what viewers need.
@Suite struct SARIFReporterTests {
    let text = ReportFixture.report.rendered(as: .sarif)

    /// Validates with Python's `jsonschema` in a subprocess; nil when python3 or the package
    /// is missing (CI installs both), otherwise the validator's output and exit status.
    func validate(_ sarif: String) throws -> (status: Int32, output: String)? {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("appraise-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.sarif")
        try Data(sarif.utf8).write(to: file)
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit(77)
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            doc = json.load(open(sys.argv[2], encoding="utf-8"))
            errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
            for e in errors:
                print(list(e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaURL("sarif-schema-2.1.0.json").path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 77 || process.terminationStatus == 127 { return nil }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func validatesAgainstTheSchema() throws {
        guard let result = try validate(text) else {
            Issue.record("python3 with jsonschema is missing: install it (pip install jsonschema) to validate SARIF")
            return
        }
        #expect(result.status == 0, "SARIF schema errors:\n\(result.output)")
    }

    @Test func decisionsAndBaselineValidate() throws {
        let reviewed = ReportFixture.reviewed.rendered(as: .sarif)
        #expect(reviewed.contains("\"suppressions\"") && reviewed.contains("\"baselineState\": \"updated\""))
        guard let result = try validate(reviewed) else { return }
        #expect(result.status == 0, "SARIF schema errors:\n\(result.output)")
    }

    /// A rule that failed at run time: its result gets the failing part's range in the rule
    /// file as a related location with a message, and still validates.
    @Test func ruleFailureIsARelatedLocationAndValidates() throws {
        var finding = Finding(
            rule: "AGE-FIRST-TERM", severity: .error, title: "Age", message: "rule failed",
            basis: "B", location: FindingLocation(file: ReportFixture.anFile, line: 3, column: 1, path: ""))
        finding.failure = RuleFailure(
            code: .evalMissing, expression: "table[level][candidate.gender]",
            ruleLocation: SourceLocation(file: "/somewhere/rules/age-and-posts.yaml", line: 55, column: 46),
            ruleEnd: SourceLocation(file: "/somewhere/rules/age-and-posts.yaml", line: 55, column: 76))
        let report = Report(
            tool: Report.Tool(version: "0.1.0"), asOf: "2025-09-20", asOfSource: .option, language: "vi",
            rules: Report.RuleSetInfo(count: 1, digest: "sha256:00"),
            candidates: [CandidateResult(
                file: ReportFixture.anFile, digest: nil, id: "HN-1", name: nil, verdict: .review,
                findings: [finding], errors: [])])
        let sarif = report.rendered(as: .sarif)
        #expect(sarif.contains("""
                      "relatedLocations": [
                        {
                          "id": 1,
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "age-and-posts.yaml"
                            },
                            "region": {
                              "startLine": 55,
                              "startColumn": 46,
                              "endLine": 55,
                              "endColumn": 76
                            }
                          },
                          "message": {
                            "text": "phần của quy tắc bị lỗi khi chạy"
                          }
                        }
                      ],
            """), "\(sarif)")
        guard let result = try validate(sarif) else { return }
        #expect(result.status == 0, "SARIF schema errors:\n\(result.output)")
    }

    @Test func schemaCatchesABrokenDocument() throws {
        let broken = text.replacingOccurrences(of: "\"startLine\": 41", with: "\"startLine\": 0")
        guard let result = try validate(broken) else { return }
        #expect(result.status == 1)
    }

    @Test func resultsLevelsAndLocations() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == [
            "DISC-STATE-BAR", "ASSET-INCOME-RATIO", "dossier.unknown-field", "yaml.duplicate-key",
            "dossier.type-mismatch", "SLATE-RELATIVES",
        ])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "warning", "error", "error", "warning"])
        let invalid = results[3]
        #expect(invalid["ruleId"] as? String == "yaml.duplicate-key")
        let physical = try #require(
            ((invalid["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String
        #expect(uri == "candidates/h%E1%BB%93%20s%C6%A1%20l%E1%BB%97i/broken.yaml")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 4)
        #expect(region["startColumn"] as? Int == 3)
        let slate = results[5]
        let related = try #require(slate["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        let relatedURI = ((related[0]["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"]
        #expect(relatedURI as? String == "candidates/tr%E1%BA%A7n%20th%E1%BB%8B%20b%C3%ACnh.yaml")
    }
}
