import Diagnostics
import Reports
import RuleEngine

extension RuleSetSession {
    /// A rule set of one rule file given as text, with the shipped schema, calendar and base
    /// dossier, as `rules lint FILE` loads a file alone: the web app's rule playground lints,
    /// tests and screens with it, and nothing touches the disk.
    public static func load(ruleFile name: String, text: String, maxFileBytes: Int, language: Language) -> RuleSetSession {
        let fileSystem = OneFileOverShipped(name: name, bytes: Array(text.utf8))
        var ruleSet = RuleSetLoader.load(paths: [name], shipped: EmbeddedRuleSet.root, fileSystem: fileSystem)
        ruleSet.diagnostics += ruleSet.completenessDiagnostics(sources: [name], allowEmpty: false, screening: true)
        let prepared = PreparedRuleSet.prepare(ruleSet, compileRules: true, language: language.rawValue)
        var texts = ruleSet.files.map(\.source)
        for file in [ruleSet.schema, ruleSet.calendar, ruleSet.baseDossier].compactMap({ $0 }) + ruleSet.testFiles {
            texts.append(Source(name: file.path, text: String(decoding: file.bytes, as: UTF8.self)))
        }
        return RuleSetSession(
            prepared: prepared, texts: texts, maxFileBytes: maxFileBytes,
            sources: RuleSources(paths: [name], includesShipped: false, shippedPath: nil))
    }
}

/// One file held in memory, and the built-in rule set for everything else.
struct OneFileOverShipped: RuleFileSystem {
    let name: String
    let bytes: [UInt8]

    func isDirectory(_ path: String) -> Bool { path != name && EmbeddedRuleSet.fileSystem.isDirectory(path) }
    func exists(_ path: String) -> Bool { path == name || EmbeddedRuleSet.fileSystem.exists(path) }
    func entries(ofDirectory path: String) throws -> [String] { try EmbeddedRuleSet.fileSystem.entries(ofDirectory: path) }
    func read(_ path: String) throws -> [UInt8] { path == name ? bytes : try EmbeddedRuleSet.fileSystem.read(path) }
}
