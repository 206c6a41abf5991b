import Foundation
import Testing
import TestSupport
import YAML

/// Issue 20, "a redacted report is safe to share": every scalar of every dossier in
/// `candidates/` and in the hostile corpus is classified by the policy of docs/redaction.md,
/// and no value the policy removes may appear in any output of `--redact` — any report
/// format, `--explain`, diagnostics, standard error — in NFC, NFD, HTML-escaped or
/// JSON-escaped form.
@Suite struct RedactionCoverageTests {
    /// Fields whose values the policy keeps as they are: they name the format or the
    /// committee, not a person; in a decisions file, the rule id, the finding's location path,
    /// an evidence path and a fingerprint, which locate a finding without describing anyone.
    static let keptFields: Set<String> = [
        "format", "committee", "term", "level", "candidates", "decisions", "rule", "at", "path", "content",
    ]

    /// The values the policy removes from one dossier: every string scalar except enum codes,
    /// dates (a date of birth is removed, its year kept), numbers, booleans and the kept
    /// fields; candidate ids (pseudonymised); the file's name.
    /// A decisions file is named by the staff who keep it, not after a person: its name stays.
    static func removedValues(of file: URL) -> [String] {
        guard let bytes = try? Data(contentsOf: file) else { return [file.lastPathComponent] }
        guard let root = YAMLLoader.load(bytes: Array(bytes), file: file.path).root else { return [file.lastPathComponent] }
        var removed = root["format"]?.scalarText == "decisions/1" ? [] : [file.lastPathComponent]
        root.walk { path, node in
            guard let text = node.scalarText, let last = path.components.last else { return }
            var field: String?
            for component in path.components.reversed() {
                if case .key(let key) = component { field = key; break }
            }
            if case .index = last, field == nil { return }
            guard let field, !keptFields.contains(field) else { return }
            let isDate = text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil
            if field == "birth_date" && isDate { removed.append(text); return }
            if isDate || text.wholeMatch(of: /[a-z][a-z0-9_]*|-?[0-9][0-9_.eE+-]*|true|false|null|~/) != nil { return }
            if text.count < 3 { return }  // "A", "x": too short to tell from the report's own words
            removed.append(text)
        }
        return removed
    }

    /// The forms a value could take in an output.
    static func forms(_ value: String) -> Set<String> {
        var forms: Set<String> = [value, value.precomposedStringWithCanonicalMapping, value.decomposedStringWithCanonicalMapping]
        for form in Array(forms) {
            forms.insert(form
                .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;"))
            forms.insert(form.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t"))
            forms.insert(form.unicodeScalars.map { $0.isASCII ? String($0) : String(format: "\\u%04x", $0.value) }.joined())
        }
        return forms
    }

    static let formats = ["text", "json", "jsonl", "csv", "sarif", "html", "markdown"]

    @Test func noRemovedValueAppearsInAnyOutput() throws {
        let candidates = CLIFixtures.root.appendingPathComponent("candidates")
        let shipped = try FileManager.default.subpathsOfDirectory(atPath: candidates.path)
            .filter { $0.hasSuffix(".yaml") && $0 != "slate.yaml" }.sorted().map { candidates.appendingPathComponent($0) }
        let hostile = try FileManager.default.contentsOfDirectory(atPath: Hostile.corpus.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { Hostile.corpus.appendingPathComponent($0) }
        var removed: Set<String> = []
        for file in shipped + hostile { removed.formUnion(Self.removedValues(of: file)) }
        // A value that is also words of the rules' titles or bases, which reports keep (a basis
        // such as "Luật Cán bộ, công chức"), cannot be told apart from them: it is skipped.
        let rulesText = try ["en", "vi"].map { try runAppraise(["rules", "list", "--format", "json", "--lang", $0]).stdout }.joined()
        let inRules = removed.filter { rulesText.contains($0) }
        removed.subtract(inRules)
        #expect(removed.contains("Nguyễn Văn An") && removed.contains("NB-2025-001") && removed.contains("1967-05-10"))

        var outputs: [(what: String, text: String)] = []
        for format in Self.formats {
            let run = try runAppraise(["screen", "--redact", "--explain", "--format", format, "candidates/slate.yaml"])
            outputs.append(("screen slate \(format)", run.stdout + run.stderr))
            let folder = try runAppraise(["screen", "--redact", "--explain", "--format", format, "--as-of", "2025-09-20", "candidates"])
            outputs.append(("screen candidates/ \(format)", folder.stdout + folder.stderr))
            let corpus = try runAppraise(
                ["check", "--redact", "--explain", "--format", format, "--as-of", "2025-09-20"] + hostile.map(\.path),
                timeout: 300)
            outputs.append(("check hostile corpus \(format)", corpus.stdout + corpus.stderr))
        }
        var leaks: [String] = []
        for value in removed.sorted() {
            let forms = Self.forms(value)
            for output in outputs where forms.contains(where: { output.text.contains($0) }) {
                leaks.append("'\(value)' in \(output.what)")
            }
        }
        #expect(leaks.isEmpty, "\(leaks.count) leaks:\n\(leaks.prefix(40).joined(separator: "\n"))")
        print("redaction coverage: \(removed.count) removed values (\(inRules.count) skipped as words of the rules) checked in \(outputs.count) outputs (\(Self.formats.count) formats, 4 forms each)")
    }
}

/// `--redact-key`: keyed, stable id pseudonyms; a bad key file stops the run before anything
/// is written.
@Suite struct RedactionKeyTests {
    @Test func theSameKeyGivesTheSameIDPseudonymsInEveryReport() throws {
        let folder = try CLIFixtures.folder(["key": "a secret of the review board", "other": "another secret"])
        defer { CLIFixtures.remove(folder) }
        func ids(_ key: String, _ files: [String]) throws -> [String] {
            let run = try runAppraise(
                ["check", "--format", "json", "--as-of", "2025-09-20", "--redact-key", folder.appendingPathComponent(key).path] + files)
            let candidates = try #require(try CLIFixtures.object(run.stdout)["candidates"] as? [[String: Any]])
            return candidates.compactMap { $0["id"] as? String }
        }
        let both = try ids("key", ["candidates/nguyen-van-an.yaml", "candidates/le-thi-hong.yaml"])
        let one = try ids("key", ["candidates/le-thi-hong.yaml"])
        #expect(both.count == 2 && both.allSatisfy { $0.wholeMatch(of: /C-[0-9a-f]{16}/) != nil }, "\(both)")
        #expect(one == [both[1]], "a pseudonym does not depend on the other candidates")
        #expect(try ids("other", ["candidates/le-thi-hong.yaml"]) != one, "another key, other pseudonyms")
    }

    @Test(arguments: ["missing", "empty"])
    func aMissingOrEmptyKeyFileIsAnErrorAndNothingIsWritten(_ name: String) throws {
        let folder = try CLIFixtures.folder(["empty": "", "out/.keep": ""])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(
            ["check", "--redact-key", name, "--output", "out/r.json", CLIFixtures.root.appendingPathComponent("candidates/nguyen-van-an.yaml").path],
            cwd: folder)
        #expect(run.code == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("--redact-key file"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path) == [".keep"])
    }

    @Test func datesOfBirthBecomeTheYear() throws {
        let run = try runAppraise(["check", "--redact", "--explain", "--as-of", "2025-09-20", "candidates/cao-van-thanh.yaml"])
        #expect(!run.stdout.contains("1967-05-10"))
        let vi = try runAppraise(["check", "--redact", "--explain", "--lang", "vi", "--as-of", "2025-09-20", "candidates/cao-van-thanh.yaml"])
        #expect(!vi.stdout.contains("10/05/1967") && !vi.stdout.contains("1967-05-10"))
    }

    @Test func standardErrorWithholdsDossierPaths() throws {
        let run = try runAppraise(["check", "--redact", "candidates"])
        #expect(run.code == 2)
        #expect(run.stderr.contains("<path withheld by --redact> is a folder"), "\(run.stderr)")
    }
}
