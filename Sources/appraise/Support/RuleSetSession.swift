import Diagnostics
import Reports
import RuleEngine

/// The rule set a command works with: found (`--rules`, else the shipped `rules/`), loaded,
/// compiled, its problems printed. Commands that screen stop with exit 2 when it has errors.
struct RuleSetSession {
    let prepared: PreparedRuleSet
    let printer: DiagnosticPrinter
    /// Where the rules came from, for the report header.
    var sources = RuleSources.shipped

    /// Whether a rule set without (candidate) rules is checked for, and how
    /// (`RuleSet.completenessDiagnostics`); `eval` and `schema` need no rules.
    enum EmptyRules {
        case notChecked
        case checked(allowed: Bool, screening: Bool)
    }

    /// Loads and compiles; does not stop on errors (`rules lint` wants them all).
    static func load(
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
            prepared: prepared, printer: DiagnosticPrinter(preloaded: preloaded, maxFileBytes: maxFileBytes),
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

    /// Loads, prints every problem, and fails when any is an error: screening with a broken
    /// rule set would report dossiers as cleaner than they are.
    static func loadForScreening(
        paths: [String], maxFileBytes: Int, language: Language, allowEmptyRules: Bool
    ) throws(CLIError) -> (RuleSetSession, Schema, RuleContext) {
        let session = try load(
            paths: paths, maxFileBytes: maxFileBytes, language: language,
            emptyRules: .checked(allowed: allowEmptyRules, screening: true))
        session.printer.printAll(session.prepared.diagnostics)
        guard !session.prepared.hasErrors, let schema = session.prepared.schema, let context = session.prepared.context else {
            throw CLIError.rulesInvalid
        }
        return (session, schema, context)
    }
}
