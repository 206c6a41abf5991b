import Foundation
import Testing
import TestSupport

/// `--redact` end to end: no name, citizen id, free text or name-bearing file path of the
/// shipped candidates survives in any report format, and pseudonyms are stable.
@Suite struct RedactionTests {
    /// Every `name:` and `citizen_id:` value of the shipped dossiers, and some free text.
    static func secrets() throws -> [String] {
        let folder = packageRoot().appendingPathComponent("candidates")
        var secrets: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where file.hasSuffix(".yaml") && file != "slate.yaml" && file != "decisions.yaml" {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            secrets.insert(String(file.dropLast(".yaml".count)))
            for line in text.split(separator: "\n") {
                let trimmed = line.drop { $0 == " " || $0 == "-" }
                for key in ["name: ", "citizen_id: ", "description: ", "employer: ", "increase_explanation: "]
                where trimmed.hasPrefix(key) {
                    var value = trimmed.dropFirst(key.count)
                    if let hash = value.range(of: " #") { value = value[..<hash.lowerBound] }
                    secrets.insert(value.trimmingCharacters(in: CharacterSet(charactersIn: "' ")))
                }
            }
        }
        return secrets.sorted()
    }

    @Test(arguments: ["text", "json", "jsonl", "csv", "sarif", "html", "markdown"])
    func noPersonalDataInAnyFormat(format: String) throws {
        let secrets = try Self.secrets()
        #expect(secrets.contains("Nguyễn Văn An") && secrets.contains("037070000111"))
        let run = try runAppraise(["screen", "--redact", "--explain", "--format", format, "candidates/slate.yaml"])
        #expect(run.code == 1, "\(run.stderr)")
        #expect(run.stdout.contains("PERSON-1"))
        for secret in secrets { #expect(!run.stdout.contains(secret), "\(format) shows '\(secret)'") }
    }

    @Test func outputFilesAreRedactedToo() throws {
        let folder = try Hostile.scratch()
        defer { Hostile.remove(folder) }
        let run = try runAppraise([
            "check", "--redact", "--as-of", "2025-09-20", "--output", "csv=\(folder.path)/r.csv",
            "--output", "html=\(folder.path)/r.html", "candidates/nguyen-van-an.yaml", "candidates/le-thi-hong.yaml",
        ])
        #expect(run.code == 0, "\(run.stderr)")
        for file in ["r.csv", "r.html"] {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for secret in try Self.secrets() { #expect(!text.contains(secret), "\(file) shows '\(secret)'") }
        }
    }

    /// Same inputs, same bytes; the same person keeps one pseudonym across dossiers and in
    /// slate messages; streamed jsonl agrees with the rendered json.
    @Test func pseudonymsAreStableAndDeterministic() throws {
        let first = try runAppraise(["screen", "--redact", "--format", "json", "--jobs", "3", "candidates/slate.yaml"])
        let second = try runAppraise(["screen", "--redact", "--format", "json", "--jobs", "1", "candidates/slate.yaml"])
        #expect(first.stdout == second.stdout)
        // Lê Thị Hồng is both a candidate (NB-2025-002) and Nguyễn Văn An's sister-in-law.
        #expect(first.stdout.contains("\"id\": \"CANDIDATE-8\",\n      \"name\": \"PERSON-17\""))
        #expect(first.stdout.contains("\"id\": \"CANDIDATE-12\",\n      \"name\": \"PERSON-19\""))
        #expect(first.stdout.contains(
            "\"message\": \"PERSON-19 and PERSON-17 are related (sibling_in_law, sibling_in_law) and are proposed as secretary and organization_head: Quy định 114-QĐ/TW does not let relatives sit together on one standing committee\""))
        let lines = try runAppraise(["screen", "--redact", "--format", "jsonl", "candidates/slate.yaml"])
        #expect(lines.stdout.contains("\"id\":\"CANDIDATE-8\",\"name\":\"PERSON-17\""))
        #expect(lines.stdout.contains("\"message\":\"PERSON-19 and PERSON-17 are related"))
    }
}
