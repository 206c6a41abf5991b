import Crypto
import Diagnostics
import YAML

/// Loads the rule set named by `--rules PATH...` (`details.md` §15), reading through a
/// `RuleFileSystem`. A folder gives its top-level `*.yaml` and `*.yml` files, sorted by UTF-8
/// bytes, each a rule file (`format: rules/1`, else an error: none is skipped); `schema.yaml`, `calendar.yaml` and `tests/base.yaml` come from the
/// first folder that has them, else from the shipped folder.
public enum RuleSetLoader {
    /// Loads `paths` (the shipped folder when empty).
    public static func load(paths: [String], shipped: String, fileSystem: some RuleFileSystem) -> RuleSet {
        var state = LoadState()
        for path in paths.isEmpty ? [shipped] : paths {
            if fileSystem.isDirectory(path) {
                state.loadFolder(path, fileSystem: fileSystem, takeRules: true)
            } else {
                state.loadRuleFile(path, relativePath: RulePaths.lastComponent(path), fileSystem: fileSystem)
            }
        }
        if state.schema == nil || state.calendar == nil || state.base == nil, fileSystem.isDirectory(shipped) {
            state.loadFolder(shipped, fileSystem: fileSystem, takeRules: false)
        }
        state.checkDuplicateIDs()
        let hashed = state.files.map { ($0.relativePath, $0.bytes) }
            + [state.schema, state.calendar].compactMap { $0.map { ($0.relativePath, $0.bytes) } }
        return RuleSet(
            files: state.ruleFiles, rules: state.ruleFiles.flatMap(\.rules), schema: state.schema,
            calendar: state.calendar, baseDossier: state.base, testFiles: state.tests,
            digest: digest(of: hashed), entries: state.entries, diagnostics: state.diagnostics + state.ruleFiles.flatMap(\.diagnostics))
    }

    /// `sha256:<hex>` over the files sorted by relative path (then bytes); each contributes its
    /// path's UTF-8, a 0 byte, its length as 8 big-endian bytes, then its bytes.
    public static func digest(of files: [(String, [UInt8])]) -> String {
        let sorted = files.sorted {
            $0.0 != $1.0 ? Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8))
                : $0.1.lexicographicallyPrecedes($1.1)
        }
        var hasher = SHA256()
        for (path, bytes) in sorted {
            hasher.update(data: Array(path.utf8) + [0])
            let count = UInt64(bytes.count)
            hasher.update(data: (0..<8).map { UInt8(truncatingIfNeeded: count >> (56 - 8 * $0)) })
            hasher.update(data: bytes)
        }
        return hasher.finalize().withUnsafeBytes { HexDigits.string(prefix: "sha256:", $0) }
    }
}

/// What has been read so far.
private struct LoadState {
    var ruleFiles: [RuleFile] = []
    var files: [LoadedFile] = []
    var schema: LoadedFile?
    var calendar: LoadedFile?
    var base: LoadedFile?
    var tests: [LoadedFile] = []
    var entries: [RuleSetEntry] = []
    var diagnostics: [Diagnostic] = []
    var nextOrder: Int { ruleFiles.reduce(0) { $0 + $1.rules.count } }

    /// Every `.yaml`/`.yml` file at the top of `folder` is a rule file unless it is
    /// `schema.yaml` or `calendar.yaml`: one with another format is an error, never skipped.
    /// `takeRules` is false for the shipped folder read only for what the given ones lack.
    mutating func loadFolder(_ folder: String, fileSystem: some RuleFileSystem, takeRules: Bool) {
        let names = RulePaths.sortedByBytes(list(folder, fileSystem: fileSystem))
        for name in names where RulePaths.isYAML(name) {
            let path = RulePaths.join(folder, name)
            guard !fileSystem.isDirectory(path) else { continue }
            switch name {
            case "schema.yaml": takeSingle(\.schema, path, name, kind: .schema, shipped: !takeRules, fileSystem)
            case "calendar.yaml": takeSingle(\.calendar, path, name, kind: .calendar, shipped: !takeRules, fileSystem)
            default: if takeRules { loadRuleFile(path, relativePath: name, fileSystem: fileSystem) }
            }
        }
        let testsFolder = RulePaths.join(folder, "tests")
        guard fileSystem.isDirectory(testsFolder) else { return }
        for name in RulePaths.sortedByBytes(list(testsFolder, fileSystem: fileSystem)) where RulePaths.isYAML(name) {
            let path = RulePaths.join(testsFolder, name)
            guard !fileSystem.isDirectory(path) else { continue }
            if name == "base.yaml" {
                takeSingle(\.base, path, "tests/" + name, kind: .baseDossier, shipped: !takeRules, fileSystem)
            } else if takeRules, let file = read(path, "tests/" + name, fileSystem) {
                let kind = checkFormat(file, expected: .tests)
                entries.append(RuleSetEntry(path: path, relativePath: file.relativePath, kind: kind))
                if kind == .tests { tests.append(file) }
            }
        }
    }

    /// `schema.yaml`, `calendar.yaml` or `tests/base.yaml`: the first folder's is used; a later
    /// folder's is a warning, as it would otherwise be ignored without a word.
    private mutating func takeSingle(
        _ slot: WritableKeyPath<LoadState, LoadedFile?>, _ path: String, _ relative: String, kind: RuleSetEntry.Kind, shipped: Bool,
        _ fileSystem: some RuleFileSystem
    ) {
        if let used = self[keyPath: slot] {
            if !shipped { diagnostics.append(RuleMessages.shadowed(path, by: used.path)) }
            return
        }
        guard let file = read(path, relative, fileSystem) else { return }
        self[keyPath: slot] = file
        entries.append(RuleSetEntry(path: path, relativePath: relative, kind: kind, shipped: shipped))
    }

    /// A rule file, given by name or found in a folder: whatever its content, it is loaded, so
    /// a YAML error or a missing or unknown `format:` is an error located in it.
    mutating func loadRuleFile(_ path: String, relativePath: String, fileSystem: some RuleFileSystem) {
        guard let file = read(path, relativePath, fileSystem) else { return }
        let document = YAMLLoader.load(bytes: file.bytes, file: path)
        var text = String(decoding: file.bytes, as: UTF8.self)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let loaded = RuleFileLoader.load(
            root: document.root, source: Source(name: path, text: text), yamlDiagnostics: document.diagnostics,
            firstOrder: nextOrder)
        let kind: RuleSetEntry.Kind = loaded.hasErrors && document.root?["format"]?.scalar?.text != "rules/1"
            ? .invalid : .rules
        entries.append(RuleSetEntry(path: path, relativePath: relativePath, kind: kind, ruleCount: loaded.rules.count))
        ruleFiles.append(loaded)
        files.append(file)
    }

    /// `expected` when the file parses and says so in `format:`; else `.invalid`, with the
    /// YAML errors or a located format error added.
    private mutating func checkFormat(_ file: LoadedFile, expected: RuleSetEntry.Kind) -> RuleSetEntry.Kind {
        let document = YAMLLoader.load(bytes: file.bytes, file: file.path)
        let errors = document.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            diagnostics += errors
            return .invalid
        }
        let format = document.root?["format"]
        guard format?.scalar?.text != expected.rawValue else { return expected }
        let location = format?.start ?? document.root?.start ?? SourceLocation(file: file.path, line: 1, column: 1)
        diagnostics.append(RuleMessages.badFileFormat(format?.scalar?.text, expected: expected.rawValue, at: location))
        return .invalid
    }

    mutating func checkDuplicateIDs() {
        var first: [String: SourceLocation] = [:]
        for file in ruleFiles {
            for rule in file.rules {
                if let earlier = first[rule.id] {
                    diagnostics.append(RuleMessages.duplicateID(rule.id, first: earlier, at: rule.idLocation))
                } else {
                    first[rule.id] = rule.idLocation
                }
            }
        }
    }

    private mutating func list(_ folder: String, fileSystem: some RuleFileSystem) -> [String] {
        do {
            return try fileSystem.entries(ofDirectory: folder)
        } catch {
            diagnostics.append(RuleMessages.unreadable(folder, reason: "\(error)"))
            return []
        }
    }

    private mutating func read(_ path: String, _ relative: String, _ fileSystem: some RuleFileSystem) -> LoadedFile? {
        do {
            return LoadedFile(path: path, relativePath: relative, bytes: try fileSystem.read(path))
        } catch {
            diagnostics.append(RuleMessages.unreadable(path, reason: "\(error)"))
            return nil
        }
    }
}
