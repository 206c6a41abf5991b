import Diagnostics
import RuleEngine
import YAML

/// An open document.
struct OpenDocument {
    var uri: String
    var path: String
    var version: Int
    var text: DocumentText
    /// Changed since its diagnostics were last published.
    var dirty: Bool
}

/// A rule set loaded for the editor: the same loading, compiling and example validation as
/// `appraise rules lint`, so the editor shows exactly what the command prints.
struct RuleSetAnalysis {
    let prepared: PreparedRuleSet
    /// What `rules lint` reports, sorted.
    let lint: [Diagnostic]
}

/// The open documents and the rule sets they belong to, recomputed lazily after each change.
final class Workspace {
    var documents: [String: OpenDocument] = [:]
    let fileSystem: any RuleFileSystem
    /// The shipped `rules/` (fallback for schema, calendar and base dossier), if found.
    let shippedRules: String?
    /// The rule set dossiers are validated with (the shipped one when empty).
    let dossierRules: [String]
    private var generation = 0
    private var cache: [String: (generation: Int, analysis: RuleSetAnalysis)] = [:]

    init(fileSystem: any RuleFileSystem, shippedRules: String?, dossierRules: [String]) {
        self.fileSystem = fileSystem
        self.shippedRules = shippedRules
        self.dossierRules = dossierRules
    }

    func changed() { generation += 1 }

    var overlay: OverlayFileSystem {
        var texts: [String: [UInt8]] = [:]
        for document in documents.values where document.path.hasPrefix("/") {
            texts[document.path] = Array(document.text.text.utf8)
        }
        return OverlayFileSystem(base: fileSystem, documents: texts)
    }

    /// The rule set named by `paths` (a folder, or the dossier rule set).
    func ruleSet(paths: [String]) -> RuleSetAnalysis? {
        let key = paths.joined(separator: "\u{0}")
        if let cached = cache[key], cached.generation == generation { return cached.analysis }
        guard let shipped = shippedRules ?? paths.first else { return nil }
        let ruleSet = RuleSetLoader.load(paths: paths, shipped: shipped, fileSystem: overlay)
        let prepared = PreparedRuleSet.prepare(ruleSet)
        let analysis = RuleSetAnalysis(prepared: prepared, lint: prepared.lintDiagnostics)
        cache[key] = (generation, analysis)
        return analysis
    }

    /// The rule set folder a rule-set file belongs to: its folder, or the parent of `tests/`.
    static func ruleSetFolder(of path: String, kind: EditedKind) -> String {
        let folder = FileURI.folder(of: path)
        if kind == .rulesTest || kind == .baseDossier, folder.hasSuffix("/tests") || folder == "tests" {
            return FileURI.folder(of: folder)
        }
        return folder
    }

    /// The document's kind and its YAML tree.
    func parse(_ document: OpenDocument) -> (EditedKind, YAMLDocument) {
        let yaml = YAMLLoader.load(bytes: Array(document.text.text.utf8), file: document.path)
        return (EditedKind.of(path: document.path, root: yaml.root), yaml)
    }

    /// The rule set a document is read with: its own folder for rule-set files, the dossier
    /// rule set otherwise.
    func ruleSet(for document: OpenDocument, kind: EditedKind) -> RuleSetAnalysis? {
        if kind.isRuleSetFile, document.path.hasPrefix("/") {
            return ruleSet(paths: [Self.ruleSetFolder(of: document.path, kind: kind)])
        }
        return ruleSet(paths: dossierRules)
    }

    /// The diagnostics of one document, from the engine's own code paths: `rules lint` for
    /// rule-set files (plus the test-file problems of `rules test`), dossier validation
    /// (`check`) for dossiers, slate validation for slates.
    func diagnostics(of document: OpenDocument) -> [Diagnostic] {
        let (kind, yaml) = parse(document)
        let path = document.path
        let bytes = Array(document.text.text.utf8)
        switch kind {
        case .other:
            return yaml.diagnostics
        case .rules, .rulesTest, .schema, .calendar, .baseDossier:
            guard document.path.hasPrefix("/"), let analysis = ruleSet(for: document, kind: kind) else {
                return yaml.diagnostics
            }
            var found = analysis.lint
            if kind == .rulesTest { found += ExampleRunner(prepared: analysis.prepared).run().problems }
            return Array(Set(found.filter { $0.location?.file == path || $0.location == nil && kind == .rules })).sorted()
        case .dossier:
            guard let schema = ruleSet(for: document, kind: kind)?.prepared.schema else { return yaml.diagnostics }
            switch DossierLoader.load(yaml, bytes: bytes, file: path, schema: schema) {
            case .loaded(_, let warnings): return warnings
            case .invalid(_, _, _, let diagnostics): return diagnostics
            }
        case .slate:
            guard let schema = ruleSet(for: document, kind: kind)?.prepared.schema else { return yaml.diagnostics }
            return SlateFileLoader.load(bytes: bytes, file: path, schema: schema).1
        }
    }
}
