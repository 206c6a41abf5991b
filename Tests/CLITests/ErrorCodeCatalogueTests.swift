import Foundation
import Testing
import TestSupport

/// The code catalogues, `docs/error-codes.md` and the sources agree: every code written in the
/// sources is catalogued, the document is the catalogue (`appraise error-codes`), and every
/// catalogued code is produced by some test or golden file.
@Suite struct ErrorCodeCatalogueTests {
    static let root = packageRoot()
    static let document = root.appendingPathComponent("docs/error-codes.md")

    /// The codes of the document's tables, in order.
    static func documentedCodes() throws -> [String] {
        let text = try String(contentsOf: document, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
    }

    /// Every `.swift` file's text under `folder`.
    static func swiftFiles(under folder: String) -> [(path: String, text: String)] {
        let base = root.appendingPathComponent(folder)
        let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }.compactMap { url in
            (try? String(contentsOf: url, encoding: .utf8)).map { (url.path, $0) }
        }
    }

    @Test func documentIsTheCatalogue() throws {
        let run = try runAppraise(["error-codes"])
        #expect(run.code == 0)
        checkGolden(run.stdout, against: Self.document)
    }

    /// A string literal shaped like a code of a catalogued family (`rule.x`, `schema-file.x`)
    /// is a catalogued code; file names such as `schema.yaml` are not codes. The dated lists
    /// build `params.*` and `basis.*` from their suffixes, which are checked the same way.
    @Test func everyCodeInTheSourcesIsCatalogued() throws {
        let documented = Set(try Self.documentedCodes())
        let families = Set(documented.map { String($0.split(separator: ".")[0]) })
        let literal = /"([a-z]+(?:-[a-z]+)*)\.([a-z0-9]+(?:-[a-z0-9]+)*)"/
        let suffix = /problem\("([a-z-]+)"/
        var uncatalogued: [String] = []
        for file in Self.swiftFiles(under: "Sources") {
            for match in file.text.matches(of: literal) where families.contains(String(match.1)) {
                let code = "\(match.1).\(match.2)"
                if match.2 != "yaml", !documented.contains(code) { uncatalogued.append("\(code) in \(file.path)") }
            }
            guard file.path.hasSuffix("DatedValues.swift") else { continue }
            for match in file.text.matches(of: suffix) {
                for prefix in ["params", "basis"] where !documented.contains("\(prefix).\(match.1)") {
                    uncatalogued.append("\(prefix).\(match.1) in \(file.path)")
                }
            }
        }
        #expect(uncatalogued.isEmpty, "codes used but not catalogued:\n\(uncatalogued.joined(separator: "\n"))")
    }

    /// Codes no test produces yet (issue 21): this list may only shrink. A code here that a
    /// test now names fails too, so the list never hides a covered code.
    static let untested: Set<String> = [
        "rule.bad-scope", "rule.bad-for-each", "rule.bad-name", "rule.duplicate-name", "rule.bad-date",
        "rule.slate-only", "rule.unclosed-placeholder", "rule.empty-placeholder", "rule.unreadable",
        "rule.no-schema", "rules.shadowed", "basis.unknown-key", "schema-file.kind", "calendar.kind",
        "calendar.type", "decision.no-schema", "example.no-base", "example.no-date", "test.checks-nothing",
        "test.bad-file", "eval.calendar", "eval.duplicate-key", "eval.unchecked", "eval.damaged-record",
    ]

    /// Every catalogued code occurs in a test or a golden file, so none is catalogued for a
    /// path that nothing exercises.
    @Test func everyCataloguedCodeIsProducedByATest() throws {
        let base = Self.root.appendingPathComponent("Tests")
        let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? []
        var corpus = ""
        for url in files where !url.path.hasSuffix("ErrorCodeCatalogueTests.swift") {
            if let text = try? String(contentsOf: url, encoding: .utf8) { corpus += text }
        }
        let codes = try Self.documentedCodes()
        let missing = codes.filter { !corpus.contains($0) && !Self.untested.contains($0) }
        #expect(missing.isEmpty, "catalogued but in no test:\n\(missing.joined(separator: "\n"))")
        let nowTested = Self.untested.filter { corpus.contains($0) || !codes.contains($0) }.sorted()
        #expect(nowTested.isEmpty, "tested or gone, remove from `untested`: \(nowTested)")
    }
}
