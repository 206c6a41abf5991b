import Diagnostics
import RuleEngine

/// The rule set a command works with: found (`--rules`, else the shipped `rules/`), loaded,
/// compiled, its problems printed. Commands that screen stop with exit 2 when it has errors.
struct RuleSetSession {
    let prepared: PreparedRuleSet
    let printer: DiagnosticPrinter

    /// Loads and compiles; does not stop on errors (`rules lint` wants them all).
    static func load(
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
        return RuleSetSession(prepared: prepared, printer: DiagnosticPrinter(preloaded: preloaded, maxFileBytes: maxFileBytes))
    }

    /// Loads, prints every problem, and fails when any is an error: screening with a broken
    /// rule set would report dossiers as cleaner than they are.
    static func loadForScreening(
        paths: [String], maxFileBytes: Int, language: Language
    ) throws(CLIError) -> (RuleSetSession, Schema, RuleContext) {
        let session = try load(paths: paths, maxFileBytes: maxFileBytes, language: language)
        session.printer.printAll(session.prepared.diagnostics)
        guard !session.prepared.hasErrors, let schema = session.prepared.schema, let context = session.prepared.context else {
            throw CLIError.rulesInvalid
        }
        return (session, schema, context)
    }
}
