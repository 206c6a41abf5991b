import Diagnostics

/// Every diagnostic the rule loader and linter emit, one typed constructor each, so codes and
/// wording live in one place (cel-go `checker/errors.go`).
enum RuleMessages {
    static func unknownKey(_ key: String, in place: String, known: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.unknown-key",
            message: "unknown key '\(key)' in \(place)\(Suggestion.hint(for: key, in: known))",
            location: location)
    }

    static func missingField(_ field: String, rule id: String?, at location: SourceLocation) -> Diagnostic {
        let owner = id.map { "rule '\($0)'" } ?? "rule"
        return Diagnostic(code: "rule.missing-field", message: "\(owner) has no '\(field)'", location: location)
    }

    static func badSeverity(_ value: String, at location: SourceLocation) -> Diagnostic {
        let known = ["disqualify", "review", "note"]
        return Diagnostic(
            code: "rule.bad-severity",
            message: "severity '\(value)' is not one of disqualify, review, note\(Suggestion.hint(for: value, in: known))",
            location: location)
    }

    static func badScope(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.bad-scope",
            message: "scope '\(value)' is not one of candidate, slate\(Suggestion.hint(for: value, in: ["candidate", "slate"]))",
            location: location)
    }

    static func duplicateID(_ id: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.duplicate-id", message: "duplicate rule id '\(id)', first defined at \(first)",
            location: location, notes: [.init("rule '\(id)' first defined here", at: first)])
    }

    static func idConvention(_ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.id-convention",
            message: "rule id '\(id)' must be upper-case words and digits joined by '-', such as 'DISC-STATE-BAR'",
            location: location)
    }

    static func noExamples(_ kind: String, rule id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.no-\(kind)", message: "rule '\(id)' has no '\(kind)' example", location: location)
    }

    static func messagePlaceholders(
        language: String, missing: [String], extra: [String], reference: String, at location: SourceLocation
    ) -> Diagnostic {
        var parts: [String] = []
        if !missing.isEmpty { parts.append("lacks " + missing.map { "{{\($0)}}" }.joined(separator: ", ")) }
        if !extra.isEmpty { parts.append("adds " + extra.map { "{{\($0)}}" }.joined(separator: ", ")) }
        return Diagnostic(
            code: "rule.message-placeholders", severity: .warning,
            message: "the '\(language)' message uses other placeholders than '\(reference)': "
                + parts.joined(separator: "; "),
            location: location)
    }

    static func badType(_ field: String, expected: String, found: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.bad-type", message: "'\(field)' must be \(expected), found \(found)", location: location)
    }

    static func badForEach(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.bad-for-each",
            message: "for_each line '\(text)' must read 'NAME in EXPRESSION'", location: location)
    }

    static func badName(_ name: String, what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.bad-name",
            message: "\(what) name '\(name)' must be a name of letters, digits and '_' not starting with a digit",
            location: location)
    }

    static func duplicateName(_ name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.duplicate-name",
            message: "'\(name)' is already defined in this rule (a variable, for_each or let name)",
            location: location)
    }

    static func badFormat(_ found: String?, at location: SourceLocation) -> Diagnostic {
        let message: String
        if let found, let place = otherFormats[found] {
            message = "format '\(found)' is not 'rules/1': \(place)"
        } else if let found {
            message = "format '\(found)' is not 'rules/1'\(Suggestion.hint(for: found, in: ["rules/1"]))"
        } else {
            message = "a rules file needs 'format: rules/1'; every .yaml and .yml file of a rule folder is a rule file"
        }
        return Diagnostic(code: "rule.bad-format", message: message, location: location)
    }

    /// Where a file of another known format belongs, for a file found among the rule files.
    static let otherFormats = [
        "schema/1": "a schema is read only from a file named schema.yaml",
        "calendar/1": "a calendar is read only from a file named calendar.yaml",
        "rules-test/1": "test files belong in the folder's tests/",
        "dossier/1": "this is a dossier; --rules names rule folders and files, not dossiers",
        "slate/1": "this is a slate; --rules names rule folders and files, not slates",
    ]

    static func badFileFormat(_ found: String?, expected: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.bad-format",
            message: found.map { "format '\($0)' is not '\(expected)'" } ?? "this file needs 'format: \(expected)'",
            location: location)
    }

    static func tooManyRules(_ count: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rules.too-many",
            message: "the rule set would hold \(count) rules, more than the limit of \(RuleFileLoader.maxRules)",
            location: location)
    }

    static func shadowed(_ path: String, by used: String) -> Diagnostic {
        Diagnostic(
            code: "rules.shadowed", severity: .warning,
            message: "'\(path)' is not used: '\(used)' comes first (the first folder that has one gives it)",
            location: SourceLocation(file: path, line: 1, column: 1))
    }

    static func badDate(_ text: String, field: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.bad-date", message: "'\(field)' must be a date YYYY-MM-DD, found '\(text)'",
            location: location)
    }

    static func slateOnly(_ field: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.slate-only", message: "'\(field)' is only for rules with 'scope: slate'",
            location: location)
    }

    static func pairKeysPlacement(_ key: String = "pair_keys", at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.pair-keys", message: "'\(key)' is only for slate rules with two for_each lines over the same list",
            location: location)
    }

    static func pairLinksWithoutKeys(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.pair-keys", message: "'pair_links' needs 'pair_keys': links are matched against the other candidate's keys",
            location: location)
    }

    static func pairKeysReadCandidates(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.pair-keys",
            message: "'\(key)' gives the keys of one candidate and may not read 'candidates': they are computed before the slate is complete",
            location: location)
    }

    static func unclosedPlaceholder(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.unclosed-placeholder", message: "'{{' has no matching '}}'", location: location)
    }

    static func emptyPlaceholder(at location: SourceLocation) -> Diagnostic {
        Diagnostic(code: "rule.empty-placeholder", message: "'{{ }}' holds no expression", location: location)
    }
}

extension RuleMessages {
    static func unreadable(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(
            code: "rule.unreadable", message: "cannot read '\(path)': \(reason)",
            location: SourceLocation(file: path, line: 1, column: 1))
    }
}
