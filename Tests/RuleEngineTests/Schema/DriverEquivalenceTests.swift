import CEL
import Diagnostics
import Foundation
import RuleEngine
import Testing
import TestSupport
import YAML

/// The two drivers of the typing core — libyaml's events straight from the bytes
/// (`Schema.validate(bytes:...)`) and the `Node` tree (`YAMLLoader` + `Schema.validate(_:...)`)
/// — must give the same values (origins included) and the same diagnostics on every file the
/// event reader accepts, and the event reader must leave every YAML problem to the tree.
@Suite struct DriverEquivalenceTests {
    static let root = packageRoot().deletingLastPathComponent()

    static let schema: Schema = {
        let url = root.appendingPathComponent("rules/schema.yaml")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        guard let node = YAMLLoader.load(text: text, file: "rules/schema.yaml").root,
            let schema = Schema.load(node, file: "rules/schema.yaml").0
        else { preconditionFailure("the shipped schema must load") }
        return schema
    }()

    /// Every file under `folder` (recursively), sorted.
    static func files(under folder: String) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath && $0.lastPathComponent != "README.md" }
            .sorted { $0.path < $1.path }
    }

    /// What each driver gives for `bytes`: the event driver's answer is nil when it leaves the
    /// file to the tree.
    static func bothDrivers(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default, strict: Bool = false)
        -> (events: Validated?, tree: Validated)
    {
        let options = ValidationOptions(strict: strict)
        let events = bytes.withUnsafeBytes {
            schema.validate(bytes: $0, file: file, limits: limits, as: .dossier, options: options)
        }
        let document = YAMLLoader.load(bytes: bytes, file: file, limits: limits)
        var tree: Validated
        if document.root == nil, document.hasErrors {
            tree = Validated(value: nil, diagnostics: document.diagnostics.sorted())
        } else {
            tree = schema.validate(document.root, as: .dossier, file: file, options: options)
            tree.diagnostics = (document.diagnostics + tree.diagnostics).sorted()
            if document.hasErrors { tree.value = nil }
        }
        return (events, tree)
    }

    /// Checks one file; true when the event driver typed it (did not leave it to the tree).
    @discardableResult
    static func check(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default, strict: Bool = false) -> Bool {
        let (events, tree) = bothDrivers(bytes, file: file, limits: limits, strict: strict)
        guard let events else { return false }
        #expect(events.diagnostics == tree.diagnostics, "diagnostics differ for \(file)")
        #expect(dump(events.value) == dump(tree.value), "values differ for \(file)")
        return true
    }

    /// A value as text with every origin, field presence and field origin, for comparison.
    static func dump(_ value: ObjectValue?) -> String {
        guard let value else { return "nil" }
        var text = ""
        dump(.object(value), into: &text)
        return text
    }

    static func dump(_ origin: ValueOrigin?) -> String {
        guard let origin else { return "-" }
        return "\(origin.location)|\(origin.path)|\(origin.end.map(\.description) ?? "-")"
    }

    static func dump(_ value: Value, into text: inout String) {
        switch value {
        case .object(let object):
            text += "{\(object.type.name) @\(dump(object.origin))"
            for slot in object.fields.indices {
                text += " \(slot):\(object.present[slot])@\(dump(object.fieldOrigins[slot]))="
                dump(object.fields[slot], into: &text)
            }
            text += "}"
        case .list(let list):
            text += "[@\(dump(list.origin))"
            for element in list.elements {
                text += " "
                dump(element, into: &text)
            }
            text += "]"
        case .string(let string): text += string.debugDescription
        default: text += String(reflecting: value)
        }
    }

    @Test func shippedCandidatesHostileFilesAndFuzzCorporaTypeAlike() throws {
        var typed = 0
        var total = 0
        for folder in ["candidates", "Tests/CLITests/Hostile", "Fuzz/Corpus/dossier", "Fuzz/Corpus/yaml", "Tests/YAMLTests/Fixtures"] {
            for url in Self.files(under: folder) {
                let bytes = try [UInt8](Data(contentsOf: url))
                total += 1
                if Self.check(bytes, file: url.path) { typed += 1 }
                if Self.check(bytes, file: url.path, strict: true) { typed += 0 }
            }
        }
        // The shipped slate's valid dossiers at least take the event path.
        #expect(total > 60)
        #expect(typed >= 20)
    }

    @Test func threeThousandGeneratedDossiersTypeAlikeOnTheEventPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-equivalence-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runAppraise(
            ["generate", "--count", "3000", "--seed", "7", "--out", folder.path], executable: "appraise-bench")
        #expect(run.code == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count == 3000)
        var typed = 0
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            if Self.check(bytes, file: name) { typed += 1 }
        }
        #expect(typed == names.count, "every generated dossier is plain YAML: none needs the tree")
    }

    /// Edits of a valid dossier that each break one rule of typing, so that every schema
    /// diagnostic is compared on the event path too.
    @Test func schemaProblemsAreTheSameOnBothPaths() throws {
        let valid = try String(contentsOf: Self.root.appendingPathComponent("Tests/CLITests/Hostile/valid.yaml"), encoding: .utf8)
        #expect(Self.check(Array(valid.utf8), file: "valid.yaml"))
        let edits: [(String, String)] = [
            ("format: dossier/1", "format: dossier/2"),
            ("format: dossier/1", "format: ~"),
            ("format: dossier/1\n", ""),
            ("  id:", "  id: ~\n  idd:"),
            ("birth_date: ", "birth_date: 1975-02-30 #"),
            ("birth_date: ", "birth_date: '"),
            ("gender: ", "gender: femal #"),
            ("gender: female", "gender: \"male\""),
            ("gender: female", "gender: [male]"),
            ("gender: female", "gender: {a: b}"),
            ("candidate:", "candidate: 12\nx:"),
            ("name: ", "name: '  '\n  nick: "),
        ]
        var reported = 0
        var typed = 0
        for (index, (from, to)) in edits.enumerated() {
            #expect(valid.contains(from), "edit \(index) applies")
            let text = valid.replacingOccurrences(of: from, with: to)
            if !Self.bothDrivers(Array(text.utf8), file: "edit-\(index).yaml").tree.diagnostics.isEmpty { reported += 1 }
            if Self.check(Array(text.utf8), file: "edit-\(index).yaml") { typed += 1 }
        }
        // All but the quoted enum code are problems. The unknown fields (`idd`, `nick`, `x`)
        // and the collections in a scalar's place go to the tree (their keys are unchecked
        // for duplicates); the other six stay on the event path.
        #expect(reported == edits.count - 1)
        #expect(typed == 6)
    }

    /// The event reader must never accept what the tree loader reports or expands.
    @Test func yamlProblemsAndFeaturesAreLeftToTheTree() throws {
        let valid = try String(contentsOf: Self.root.appendingPathComponent("Tests/CLITests/Hostile/valid.yaml"), encoding: .utf8)
        let cases: [(String, String)] = [
            ("a duplicate known key", valid.replacingOccurrences(of: "format: dossier/1\n", with: "format: dossier/1\nformat: dossier/1\n")),
            ("a duplicate unknown key", valid + "extra: 1\nextra: 2\n"),
            ("a duplicate key in a flow mapping", valid.replacingOccurrences(of: "candidate:\n", with: "x: {a: 1, a: 2}\ncandidate:\n")),
            ("an unknown key", valid + "extra: 1\n"),
            ("a merge key", valid + "<<: {extra: 1}\n"),
            ("an anchor", valid.replacingOccurrences(of: "candidate:", with: "candidate: &c")),
            ("an alias", valid + "extra: *c\n"),
            ("a tag", valid.replacingOccurrences(of: "format: dossier/1", with: "format: !!str dossier/1")),
            ("a custom tag", valid.replacingOccurrences(of: "candidate:", with: "candidate: !x")),
            ("two documents", valid + "---\nformat: dossier/1\n"),
            ("a syntax error at the end", valid + "]\n"),
            ("an empty file", ""),
            ("a comment only", "# nothing\n"),
        ]
        for (name, text) in cases {
            let (events, _) = Self.bothDrivers(Array(text.utf8), file: "case.yaml")
            #expect(events == nil, "\(name) must be left to the tree")
        }
        let aliases = valid.replacingOccurrences(of: "candidate:", with: "base: &b x\ncandidate:")
        #expect(Self.bothDrivers(Array(aliases.utf8), file: "a.yaml").events == nil)
    }

    @Test func everyLimitIsLeftToTheTree() throws {
        let valid = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent("Tests/CLITests/Hostile/valid.yaml")))
        #expect(Self.check(valid, file: "valid.yaml"))
        var limits = YAMLLimits()
        limits.maxFileBytes = valid.count - 1
        #expect(Self.bothDrivers(valid, file: "v.yaml", limits: limits).events == nil)
        limits = YAMLLimits()
        limits.maxDepth = 2
        #expect(Self.bothDrivers(valid, file: "v.yaml", limits: limits).events == nil)
        limits = YAMLLimits()
        limits.maxScalarBytes = 8
        #expect(Self.bothDrivers(valid, file: "v.yaml", limits: limits).events == nil)
        limits = YAMLLimits()
        limits.maxCollectionCount = 2
        #expect(Self.bothDrivers(valid, file: "v.yaml", limits: limits).events == nil)
    }

    /// A byte-order mark and CRLF or CR line ends type alike, with the same locations.
    @Test func byteOrderMarkAndLineEndsTypeAlike() throws {
        let valid = try String(contentsOf: Self.root.appendingPathComponent("Tests/CLITests/Hostile/valid.yaml"), encoding: .utf8)
        let variants = [
            [0xEF, 0xBB, 0xBF] + Array(valid.utf8),
            Array(valid.replacingOccurrences(of: "\n", with: "\r\n").utf8),
            [0xEF, 0xBB, 0xBF] + Array(valid.replacingOccurrences(of: "\n", with: "\r").utf8),
            Array(valid.replacingOccurrences(of: "gender: female", with: "gender: mal").replacingOccurrences(of: "\n", with: "\r\n").utf8),
        ]
        for (index, bytes) in variants.enumerated() {
            #expect(Self.check(bytes, file: "variant-\(index).yaml"), "variant \(index) takes the event path")
        }
        let utf16: [UInt8] = [0xFF, 0xFE] + Array(valid.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(Self.bothDrivers(utf16, file: "utf16.yaml").events == nil)
    }

    /// What `DossierLoader` answers for files left to the tree is what the tree alone answers.
    @Test func theLoaderFallsBackToTheTree() throws {
        let valid = try String(contentsOf: Self.root.appendingPathComponent("Tests/CLITests/Hostile/valid.yaml"), encoding: .utf8)
        let duplicate = valid + "extra: 1\nextra: 2\n"
        guard case .invalid(_, let id, _, let diagnostics) = DossierLoader.load(
            bytes: Array(duplicate.utf8), file: "d.yaml", schema: Self.schema)
        else {
            Issue.record("a duplicate key makes the dossier invalid")
            return
        }
        #expect(id != nil)
        #expect(diagnostics.contains { $0.code == "yaml.duplicate-key" })
        let aliased = valid.replacingOccurrences(of: "format: dossier/1", with: "format: &f dossier/1") + "extra: *f\n"
        guard case .loaded(_, let warnings) = DossierLoader.load(bytes: Array(aliased.utf8), file: "a.yaml", schema: Self.schema)
        else {
            Issue.record("an alias under its budget loads")
            return
        }
        #expect(warnings.map(\.code) == ["schema.unknown-field"])
        var limits = YAMLLimits()
        limits.maxAliasNodes = 0
        guard case .invalid(_, _, _, let over) = DossierLoader.load(
            bytes: Array(aliased.utf8), file: "a.yaml", schema: Self.schema, limits: limits)
        else {
            Issue.record("an alias over its budget is refused")
            return
        }
        #expect(over.contains { $0.code.hasPrefix("yaml.") })
    }
}
