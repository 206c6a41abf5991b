import Diagnostics
import Reports
import RuleEngine

/// The rule set a command or the server works with: found (`--rules`, else the shipped
/// `rules/`), loaded, compiled, with the text of every file read so that its problems can be
/// shown with their lines. Screening stops when it has errors.
public struct RuleSetSession: Sendable {
    public let prepared: PreparedRuleSet
    /// The text of every rule, schema, calendar, base dossier and test file read.
    public let texts: [Source]
    public let maxFileBytes: Int
    /// Where the rules came from, for the report header.
    public var sources = RuleSources.shipped

    /// Whether a rule set without (candidate) rules is checked for, and how
    /// (`RuleSet.completenessDiagnostics`); `eval` and `schema` need no rules.
    public enum EmptyRules: Sendable {
        case notChecked
        case checked(allowed: Bool, screening: Bool)
    }

    /// Loads and compiles; does not stop on errors (`rules lint` wants them all).
    public static func load(
        paths: [String], maxFileBytes: Int, compileRules: Bool = true, language: Language = .en,
        emptyRules: EmptyRules
    ) throws(CLIError) -> RuleSetSession {
        let shipped = RuleSetLocator.shippedFolder()
        let fileSystem = ShippedOverlayFileSystem(disk: DiskFileSystem(maxFileBytes: maxFileBytes))
        for path in paths where !fileSystem.exists(path) {
            throw CLIError.io(path: path, reason: "no such file or folder (given with --rules)")
        }
        var ruleSet = RuleSetLoader.load(paths: paths, shipped: shipped, fileSystem: fileSystem)
        if case .checked(let allowed, let screening) = emptyRules {
            ruleSet.diagnostics += ruleSet.completenessDiagnostics(sources: paths, allowEmpty: allowed, screening: screening)
        }
        let prepared = PreparedRuleSet.prepare(ruleSet, compileRules: compileRules, language: language.rawValue)
        var preloaded = ruleSet.files.map(\.source)
        for file in [ruleSet.schema, ruleSet.calendar, ruleSet.baseDossier].compactMap({ $0 }) + ruleSet.testFiles {
            preloaded.append(Source(name: file.path, text: String(decoding: file.bytes, as: UTF8.self)))
        }
        return RuleSetSession(
            prepared: prepared, texts: preloaded, maxFileBytes: maxFileBytes,
            sources: sources(paths: paths, shippedFolder: RuleSetLocator.shippedRules()))
    }

    /// The `--rules` paths and whether one of them is the shipped folder itself (whatever path
    /// reaches it), so that `--rules rules --rules mine.yaml` is not reported as replacing it.
    private static func sources(paths: [String], shippedFolder: String?) -> RuleSources {
        let shipped = shippedFolder.flatMap { FileIdentity(path: $0) }
        let includesShipped = paths.isEmpty || paths.contains(EmbeddedRuleSet.root)
            || (shipped != nil && paths.contains { FileIdentity(path: $0) == shipped })
        return RuleSources(paths: paths, includesShipped: includesShipped, shippedPath: shippedFolder)
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
