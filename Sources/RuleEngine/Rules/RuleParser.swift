import CEL
import Diagnostics
import YAML

/// Reads one rule mapping at a time, collecting diagnostics.
struct RuleParser {
    let source: Source
    var diagnostics: [Diagnostic] = []

    init(source: Source) {
        self.source = source
    }

    /// The rule, or nil when it lacks what a rule cannot do without (id, when, severity...).
    mutating func rule(_ node: Node, order: Int) -> Rule? {
        guard let pairs = node.mapping else {
            diagnostics.append(RuleMessages.badType("a rule", expected: "a mapping", found: node.kindName, at: node.start))
            return nil
        }
        checkKeys(pairs, allowed: RuleFileLoader.ruleKeys, place: "a rule")
        let id = scalarText(node, "id")
        if let id, !Self.isConventionalID(id.text) {
            diagnostics.append(RuleMessages.idConvention(id.text, at: id.location))
        }
        let name = id?.text
        // A misspelt key (`basic:`) is reported once, as unknown with its "did you mean", not
        // also as a missing `basis`.
        let misspelt = Set(pairs.compactMap { pair in
            pair.key.scalar.flatMap { key in
                RuleFileLoader.ruleKeys.contains(key.text) ? nil : Suggestion.closest(to: key.text, in: RuleFileLoader.ruleKeys)
            }
        })
        for field in ["id", "title", "severity", "basis", "when", "message"] where node[field] == nil && !misspelt.contains(field) {
            diagnostics.append(RuleMessages.missingField(field, rule: name, at: node.start))
        }
        let severity = self.severity(node)
        let scope = self.scope(node)
        let title = localized(node, "title")
        let message = localized(node, "message")
        let basis = self.basis(node)
        let forEach = self.forEach(node)
        let lets = self.lets(node)
        let when = expression(node, "when")
        let at = expression(node, "at")
        let involved = expression(node, "involved")
        if let involvedNode = node["involved"], scope != .slate {
            diagnostics.append(RuleMessages.slateOnly("involved", at: involvedNode.start))
        }
        let pairKeys = expression(node, "pair_keys")
        let pairLinks = expression(node, "pair_links")
        for key in ["pair_keys", "pair_links"] {
            if let keysNode = node[key], scope != .slate || forEach.count != 2 {
                diagnostics.append(RuleMessages.pairKeysPlacement(key, at: keysNode.start))
            }
        }
        if let linksNode = node["pair_links"], node["pair_keys"] == nil {
            diagnostics.append(RuleMessages.pairLinksWithoutKeys(at: linksNode.start))
        }
        let examples = self.examples(node, id: name)
        guard let id, let severity, let when, let title, let message else { return nil }
        return Rule(
            id: id.text, title: title, severity: severity, basis: basis, scope: scope ?? .candidate,
            forEach: forEach, lets: lets, when: when, at: at, involved: involved, pairKeys: pairKeys, pairLinks: pairLinks, message: message,
            examples: examples, location: node.start, idLocation: id.location, examplesAsOf: nil,
            order: order)
    }

    /// Upper-case words and digits joined by single `-`.
    static func isConventionalID(_ id: String) -> Bool {
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        return !words.isEmpty && words.allSatisfy { word in
            !word.isEmpty && word.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    /// Letters, digits and `_`, not starting with a digit.
    static func isIdentifier(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
    }

    // MARK: - Fields

    mutating func checkKeys(_ pairs: [Node.Pair], allowed: [String], place: String) {
        for pair in pairs {
            let key = pair.key.scalar?.text ?? pair.key.kindName
            if !allowed.contains(key) {
                diagnostics.append(RuleMessages.unknownKey(key, in: place, known: allowed, at: pair.key.start))
            }
        }
    }

    /// A scalar field's text; reports a non-scalar.
    mutating func scalarText(_ node: Node, _ field: String) -> (text: String, location: SourceLocation)? {
        guard let value = node[field] else { return nil }
        guard let scalar = value.scalar else {
            diagnostics.append(RuleMessages.badType(field, expected: "a scalar", found: value.kindName, at: value.start))
            return nil
        }
        return (scalar.text, value.start)
    }

    mutating func expression(_ node: Node, _ field: String) -> RuleExpression? {
        guard let value = node[field] else { return nil }
        guard value.scalar != nil else {
            diagnostics.append(
                RuleMessages.badType(field, expected: "an expression (a scalar)", found: value.kindName, at: value.start))
            return nil
        }
        return RuleExpression(source: .expression(value, in: source))
    }

    /// `basis`: one string, or a dated list `[{since, text}]` read with the parameters' checks
    /// (`DatedListReader`). A missing or broken basis reads as one empty text; its diagnostics
    /// are errors, so the rule set does not load.
    mutating func basis(_ node: Node) -> DatedValues<String> {
        guard let value = node["basis"] else { return DatedValues(constant: "", location: node.start) }
        if let scalar = value.scalar { return DatedValues(constant: scalar.text, location: value.start) }
        guard value.sequence != nil else {
            diagnostics.append(RuleMessages.badType(
                "basis", expected: "a string or a list of {since, text}", found: value.kindName, at: value.start))
            return DatedValues(constant: "", location: value.start)
        }
        let reader = DatedListReader(codePrefix: "basis", valueKey: "text")
        let entries = reader.read(value, path: "basis", diagnostics: &diagnostics) { node, path, diagnostics -> String? in
            guard let text = node.scalar?.text, !text.trimmingSpaces.isEmpty else {
                diagnostics.append(Diagnostic(
                    code: "basis.text", message: "\(path) must be the text of the basis, not \(node.scalar == nil ? node.kindName : "blank")",
                    location: node.start, path: path))
                return nil
            }
            return text
        }
        return entries.map(DatedValues.init(entries:)) ?? DatedValues(constant: "", location: value.start)
    }

    mutating func severity(_ node: Node) -> Severity? {
        guard let (text, location) = scalarText(node, "severity") else { return nil }
        guard let severity = Severity(rawValue: text), severity != .error else {
            diagnostics.append(RuleMessages.badSeverity(text, at: location))
            return nil
        }
        return severity
    }

    mutating func scope(_ node: Node) -> RuleScope? {
        guard let (text, location) = scalarText(node, "scope") else { return nil }
        guard let scope = RuleScope(rawValue: text) else {
            diagnostics.append(RuleMessages.badScope(text, at: location))
            return nil
        }
        return scope
    }

    mutating func date(_ node: Node, field: String) -> CivilDate? {
        guard let text = node.scalar?.text, let date = CivilDate(iso: text) else {
            diagnostics.append(RuleMessages.badDate(node.scalar?.text ?? node.kindName, field: field, at: node.start))
            return nil
        }
        return date
    }
}
