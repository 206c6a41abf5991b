import Crypto
import Diagnostics
import YAML

/// Loads the rule set named by `--rules PATH...` (`details.md` §15), reading through a
/// `RuleFileSystem`. A folder gives its top-level `*.yaml` files with `format: rules/1`,
/// sorted by UTF-8 bytes; `schema.yaml`, `calendar.yaml` and `tests/base.yaml` come from the
/// first folder that has them, else from the shipped folder.
public enum RuleSetLoader {
    /// Loads `paths` (the shipped folder when empty).
    public static func load(paths: [String], shipped: String, fileSystem: some RuleFileSystem) -> RuleSet {
        var state = LoadState()
        for path in paths.isEmpty ? [shipped] : paths {
            if fileSystem.isDirectory(path) {
                state.loadFolder(path, fileSystem: fileSystem, takeRules: true)
            } else {
                state.loadRuleFile(path, relativePath: RulePaths.lastComponent(path), fileSystem: fileSystem, strict: true)
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
            digest: digest(of: hashed), diagnostics: state.diagnostics + state.ruleFiles.flatMap(\.diagnostics))
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
        let hex = hasher.finalize().map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
        }
        return "sha256:" + hex.joined()
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
    var diagnostics: [Diagnostic] = []
    var nextOrder: Int { ruleFiles.reduce(0) { $0 + $1.rules.count } }

    mutating func loadFolder(_ folder: String, fileSystem: some RuleFileSystem, takeRules: Bool) {
        let names = RulePaths.sortedByBytes(list(folder, fileSystem: fileSystem))
        for name in names where name.hasSuffix(".yaml") {
            let path = RulePaths.join(folder, name)
            guard !fileSystem.isDirectory(path) else { continue }
            switch name {
            case "schema.yaml": if schema == nil { schema = read(path, name, fileSystem) }
            case "calendar.yaml": if calendar == nil { calendar = read(path, name, fileSystem) }
            default: if takeRules { loadRuleFile(path, relativePath: name, fileSystem: fileSystem, strict: false) }
            }
        }
        let testsFolder = RulePaths.join(folder, "tests")
        guard fileSystem.isDirectory(testsFolder) else { return }
        for name in RulePaths.sortedByBytes(list(testsFolder, fileSystem: fileSystem)) where name.hasSuffix(".yaml") {
            let path = RulePaths.join(testsFolder, name)
            if name == "base.yaml" {
                if base == nil { base = read(path, "tests/" + name, fileSystem) }
            } else if takeRules, let file = read(path, "tests/" + name, fileSystem) {
                tests.append(file)
            }
        }
    }

    /// A rule file; in a folder (`strict` false) a YAML file of another format is skipped.
    mutating func loadRuleFile(_ path: String, relativePath: String, fileSystem: some RuleFileSystem, strict: Bool) {
        guard let file = read(path, relativePath, fileSystem) else { return }
        let document = YAMLLoader.load(bytes: file.bytes, file: path)
        if !strict, document.root?["format"]?.scalar?.text != "rules/1" { return }
        var text = String(decoding: file.bytes, as: UTF8.self)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let loaded = RuleFileLoader.load(
            root: document.root, source: Source(name: path, text: text), yamlDiagnostics: document.diagnostics,
            firstOrder: nextOrder)
        ruleFiles.append(loaded)
        files.append(file)
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
