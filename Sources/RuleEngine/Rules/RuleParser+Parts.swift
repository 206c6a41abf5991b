import Diagnostics
import YAML

extension RuleParser {
    /// `title`/`message`: one string (English) or a map of language codes to strings.
    mutating func localized(_ node: Node, _ field: String) -> LocalizedText? {
        guard let value = node[field] else { return nil }
        var entries: [LocalizedText.Entry] = []
        if let scalar = value.scalar {
            entries.append(.init(language: LocalizedText.fallbackLanguage, text: scalar.text,
                                 source: .value(value, in: source)))
        } else if let pairs = value.mapping {
            for pair in pairs {
                guard let language = pair.key.scalar?.text, let text = pair.value.scalar?.text else {
                    diagnostics.append(RuleMessages.badType(
                        field, expected: "a string per language", found: pair.value.kindName, at: pair.value.start))
                    continue
                }
                entries.append(.init(language: language, text: text, source: .value(pair.value, in: source)))
            }
        } else {
            diagnostics.append(RuleMessages.badType(
                field, expected: "a string or a map of languages", found: value.kindName, at: value.start))
            return nil
        }
        if field == "message" { checkPlaceholders(entries) }
        return LocalizedText(entries: entries)
    }

    /// Every language of a message should fill in the same placeholders as the first one.
    private mutating func checkPlaceholders(_ entries: [LocalizedText.Entry]) {
        var reference: (language: String, placeholders: Set<String>)?
        for entry in entries {
            let (template, problems) = MessageTemplate.parse(entry.source)
            diagnostics += problems
            let placeholders = Set(template.placeholders)
            guard let first = reference else {
                reference = (entry.language, placeholders)
                continue
            }
            if placeholders != first.placeholders {
                diagnostics.append(RuleMessages.messagePlaceholders(
                    language: entry.language, missing: first.placeholders.subtracting(placeholders).sorted(),
                    extra: placeholders.subtracting(first.placeholders).sorted(), reference: first.language,
                    at: entry.source.location(ofUTF8Offset: 0)))
            }
        }
    }

    /// `for_each`: a list of `NAME in EXPRESSION` lines (one line alone is accepted too).
    mutating func forEach(_ node: Node) -> [ForEachClause] {
        guard let value = node["for_each"] else { return [] }
        let lines = value.sequence ?? [value]
        var clauses: [ForEachClause] = []
        for line in lines {
            guard line.scalar != nil else {
                diagnostics.append(RuleMessages.badType(
                    "for_each", expected: "a list of 'NAME in EXPRESSION' lines", found: line.kindName, at: line.start))
                continue
            }
            let whole = EmbeddedSource.expression(line, in: source)
            guard let clause = Self.splitForEach(whole, at: line.start) else {
                diagnostics.append(RuleMessages.badForEach(whole.text.trimmingSpaces, at: line.start))
                continue
            }
            clauses.append(clause)
        }
        return clauses
    }

    /// `NAME in EXPR` → the name and the expression's own source (offsets kept).
    static func splitForEach(_ whole: EmbeddedSource, at location: SourceLocation) -> ForEachClause? {
        let bytes = Array(whole.text.utf8)
        var index = 0
        func skipSpaces() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A {
                index += 1
            }
        }
        skipSpaces()
        let nameStart = index
        while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09, bytes[index] != 0x0A { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        skipSpaces()
        guard isIdentifier(Substring(name)), index + 2 < bytes.count, bytes[index] == UInt8(ascii: "i"),
            bytes[index + 1] == UInt8(ascii: "n"), bytes[index + 2] == 0x20 || bytes[index + 2] == 0x0A
        else { return nil }
        let iterable = whole.segment((index + 2)..<bytes.count)
        guard !iterable.text.trimmingSpaces.isEmpty else { return nil }
        return ForEachClause(name: name, iterable: RuleExpression(source: iterable), location: location)
    }

    /// `let`: a mapping of names to expressions, in order.
    mutating func lets(_ node: Node) -> [LetClause] {
        guard let value = node["let"] else { return [] }
        guard let pairs = value.mapping else {
            diagnostics.append(RuleMessages.badType("let", expected: "a mapping of names to expressions",
                                                    found: value.kindName, at: value.start))
            return []
        }
        var clauses: [LetClause] = []
        for pair in pairs {
            let name = pair.key.scalar?.text ?? ""
            guard Self.isIdentifier(Substring(name)) else {
                diagnostics.append(RuleMessages.badName(name, what: "let", at: pair.key.start))
                continue
            }
            guard pair.value.scalar != nil else {
                diagnostics.append(RuleMessages.badType(
                    "let \(name)", expected: "an expression (a scalar)", found: pair.value.kindName, at: pair.value.start))
                continue
            }
            clauses.append(LetClause(
                name: name, expression: RuleExpression(source: .expression(pair.value, in: source)),
                location: pair.key.start))
        }
        return clauses
    }

    /// `examples: {triggers: [...], passes: [...]}`; both must hold at least one entry.
    mutating func examples(_ node: Node, id: String?) -> RuleExamples {
        let value = node["examples"]
        if let value, let pairs = value.mapping {
            checkKeys(pairs, allowed: ["triggers", "passes"], place: "examples")
        } else if let value {
            diagnostics.append(RuleMessages.badType("examples", expected: "a mapping", found: value.kindName, at: value.start))
        }
        var examples = RuleExamples()
        examples.triggers = exampleList(value?["triggers"], field: "triggers")
        examples.passes = exampleList(value?["passes"], field: "passes")
        if let id {
            let location = value?.start ?? node.start
            if examples.triggers.isEmpty { diagnostics.append(RuleMessages.noExamples("triggers", rule: id, at: location)) }
            if examples.passes.isEmpty { diagnostics.append(RuleMessages.noExamples("passes", rule: id, at: location)) }
        }
        return examples
    }

    private mutating func exampleList(_ node: Node?, field: String) -> [Node] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            diagnostics.append(RuleMessages.badType(field, expected: "a list of examples", found: node.kindName, at: node.start))
            return []
        }
        var examples: [Node] = []
        for item in items {
            if item.mapping != nil {
                examples.append(item)
            } else {
                diagnostics.append(RuleMessages.badType(
                    "an example", expected: "a mapping (a partial dossier)", found: item.kindName, at: item.start))
            }
        }
        return examples
    }
}
