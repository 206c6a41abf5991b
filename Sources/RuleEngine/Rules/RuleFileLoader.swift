import CEL
import Diagnostics
import YAML

/// Reads a `rules/1` file into `Rule` values, reporting every problem with its location and a
/// stable code (`rule.unknown-key`, `rule.missing-field`, ...) rather than stopping at the first.
public enum RuleFileLoader {
    static let fileKeys = ["format", "params", "examples_as_of", "rules"]
    static let ruleKeys = [
        "id", "title", "severity", "basis", "scope", "for_each", "let", "when", "at", "involved",
        "pair_keys", "pair_links", "message", "examples",
    ]

    /// The most rules a rule set may hold (the shipped one has about 30): past it, loading,
    /// compiling and screening would take minutes and gigabytes for what is surely a
    /// generated or pasted-together file.
    public static let maxRules = 10_000

    /// Parses and loads a file's bytes; `firstOrder` is the load-order index of its first rule.
    public static func load(bytes: [UInt8], file: String, firstOrder: Int = 0) -> RuleFile {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let document = YAMLLoader.load(bytes: bytes, file: file)
        return load(root: document.root, source: Source(name: file, text: text),
                    yamlDiagnostics: document.diagnostics, firstOrder: firstOrder)
    }

    /// Loads an already parsed file.
    public static func load(
        root: Node?, source: Source, yamlDiagnostics: [Diagnostic] = [], firstOrder: Int = 0
    ) -> RuleFile {
        var file = RuleFile(
            path: source.name, source: source, rules: [], params: nil, examplesAsOf: nil,
            diagnostics: yamlDiagnostics)
        let start = SourceLocation(file: source.name, line: 1, column: 1)
        guard let root, let pairs = root.mapping else {
            // A YAML syntax error already says what is wrong; "needs format" would only distract.
            if root != nil || !yamlDiagnostics.contains(where: { $0.severity == .error }) {
                file.diagnostics.append(RuleMessages.badFormat(nil, at: root?.start ?? start))
            }
            return file
        }
        var parser = RuleParser(source: source)
        parser.checkKeys(pairs, allowed: fileKeys, place: "a rules file")
        let format = root["format"]?.scalar?.text
        if format != "rules/1" {
            parser.diagnostics.append(RuleMessages.badFormat(format, at: root["format"]?.start ?? root.start))
            // A file of another known format is no rule file: its keys would only add noise.
            if let format, RuleMessages.otherFormats[format] != nil {
                file.diagnostics.append(contentsOf: parser.diagnostics.filter { $0.code == "rule.bad-format" })
                return file
            }
        }
        file.params = root["params"]
        if let asOf = root["examples_as_of"] {
            file.examplesAsOf = parser.date(asOf, field: "examples_as_of")
        }
        if let rules = root["rules"] {
            if let items = rules.sequence, firstOrder + items.count > maxRules {
                parser.diagnostics.append(RuleMessages.tooManyRules(firstOrder + items.count, at: rules.start))
            } else if let items = rules.sequence {
                for item in items {
                    let order = firstOrder + file.rules.count
                    if var rule = parser.rule(item, order: order) {
                        rule.examplesAsOf = file.examplesAsOf
                        file.rules.append(rule)
                    }
                }
            } else {
                parser.diagnostics.append(
                    RuleMessages.badType("rules", expected: "a list", found: rules.kindName, at: rules.start))
            }
        } else {
            parser.diagnostics.append(RuleMessages.missingField("rules", rule: nil, at: root.start))
        }
        file.diagnostics += parser.diagnostics
        return file
    }
}
