import Diagnostics
import RuleEngine

/// The rule set a command or the server works with: found (`--rules`, else the shipped
/// `rules/`), loaded, compiled, with the text of every file read so that its problems can be
/// shown with their lines. Screening stops when it has errors.
public struct RuleSetSession: Sendable {
    public let prepared: PreparedRuleSet
    /// The text of every rule, schema, calendar, base dossier and test file read.
    public let sources: [Source]
    public let maxFileBytes: Int

    /// Loads and compiles; does not stop on errors (`rules lint` wants them all).
    public static func load(
        paths: [String], maxFileBytes: Int, compileRules: Bool = true, language: Language = .en
    ) throws(CLIError) -> RuleSetSession {
        guard let shipped = RuleSetLocator.shippedRules() ?? (paths.isEmpty ? nil : paths[0]) else {
            throw CLIError.usage("no rule set found: run from the appraise folder or pass --rules PATH")
        }
        for path in paths where FileKind.of(path) == nil {
            throw CLIError.io(path: path, reason: "no such file or folder (given with --rules)")
        }
        let ruleSet = RuleSetLoader.load(paths: paths, shipped: shipped, fileSystem: DiskFileSystem(maxFileBytes: maxFileBytes))
        let prepared = PreparedRuleSet.prepare(ruleSet, compileRules: compileRules, language: language.rawValue)
        var preloaded = ruleSet.files.map(\.source)
        for file in [ruleSet.schema, ruleSet.calendar, ruleSet.baseDossier].compactMap({ $0 }) + ruleSet.testFiles {
            preloaded.append(Source(name: file.path, text: String(decoding: file.bytes, as: UTF8.self)))
        }
        return RuleSetSession(prepared: prepared, sources: preloaded, maxFileBytes: maxFileBytes)
    }

    /// The schema and compiled context to screen with, or `rulesInvalid` when the rule set has
    /// errors: screening with a broken rule set would report dossiers as cleaner than they are.
    public func forScreening() throws(CLIError) -> (Schema, RuleContext) {
        guard !prepared.hasErrors, let schema = prepared.schema, let context = prepared.context else {
            throw CLIError.rulesInvalid
        }
        return (schema, context)
    }
}

/// The report language (`--lang`); messages fall back to English where a rule has no text.
public enum Language: String, CaseIterable, Sendable {
    case en, vi
}
