import CEL
import Diagnostics
import YAML

/// Type-checks and compiles rules against the schema's types (`rules.md`: a misspelt field or a
/// wrong type is an error at load time, located in the rule file). Every issue of every rule is
/// reported in one run; a rule with an error is left out of the compiled set.
public enum RuleCompiler {
    /// Compiles every rule, in load order. `language` is the report language: `vnd()` in
    /// `for_each`, `let`, `when`, `at` and `involved` formats money for it (a message's own
    /// `vnd()` follows the message's language).
    public static func compile(_ rules: [Rule], context: RuleContext, language: String = "en") -> CompiledRuleSet {
        var compiled: [CompiledRule] = []
        var diagnostics: [Diagnostic] = []
        // Candidate rules' first `for_each` lists by text: each is compiled in the same scope
        // (the inputs, the library, this language's `vnd`), so one text is one program, shared
        // so that a screening evaluates it once per dossier (`SharedLoopLists`).
        var firstLoops: [String: Program] = [:]
        for rule in rules {
            let (result, problems) = compile(rule, context: context, language: language)
            diagnostics += problems
            guard let result else { continue }
            if rule.scope == .candidate, let first = result.loops.first {
                if let shared = firstLoops[first.iterable.text] {
                    compiled.append(result.sharing(firstLoop: shared))
                    continue
                }
                firstLoops[first.iterable.text] = first.iterable
            }
            compiled.append(result)
        }
        return CompiledRuleSet(rules: compiled, diagnostics: diagnostics)
    }

    /// A rule's own root environment (slot numbers start at 0 for each rule): the standard
    /// library, the calendar and `param_at`.
    static func rootEnvironment(_ context: RuleContext) -> Environment {
        let environment = Environment(calendar: context.calendar)
        environment.declare(function: "param_at", overloads: HostFunctions.paramAt(context))
        return environment
    }

    /// One rule; nil with diagnostics when it does not compile.
    public static func compile(_ rule: Rule, context: RuleContext, language: String = "en") -> (CompiledRule?, [Diagnostic]) {
        var scope = RuleScopeBuilder(environment: rootEnvironment(context))
        let inputs = scope.declareInputs(rule.scope, context: context)
        var loops: [CompiledRule.Loop] = []
        var pairKeys: Program?
        var pairLinks: Program?
        for (index, clause) in rule.forEach.enumerated() {
            let program = scope.compile(clause.iterable, languageForMoney: language)
            let element = scope.elementType(of: program, clause: clause)
            guard let slot = scope.declare(clause.name, type: element, at: clause.location) else { continue }
            if let program { loops.append(.init(name: clause.name, slot: slot, iterable: program)) }
            // pair_keys sees only the first name: the keys of one element, whichever it pairs with.
            if index == 0, rule.scope == .slate, rule.forEach.count == 2, let keys = rule.pairKeys {
                pairKeys = scope.compilePairKeys(keys, rule: rule, key: "pair_keys")
                pairLinks = rule.pairLinks.flatMap { scope.compilePairKeys($0, rule: rule, key: "pair_links") }
            }
        }
        var bindings: [CompiledRule.Binding] = []
        for clause in rule.lets {
            let program = scope.compile(clause.expression, languageForMoney: language)
            guard let slot = scope.declare(clause.name, type: program?.resultType ?? .dyn, at: clause.location)
            else { continue }
            if let program { bindings.append(.init(name: clause.name, slot: slot, program: program)) }
        }
        let when = scope.compile(rule.when, languageForMoney: language)
        if let when { scope.requireBool(when, source: rule.when) }
        let at = rule.at.flatMap { scope.compile($0, languageForMoney: language) }
        let involved = rule.involved.flatMap { scope.compile($0, languageForMoney: language) }
        var messages: [String: CompiledTemplate] = [:]
        for entry in rule.message.entries {
            messages[entry.language] = scope.compileTemplate(entry)
        }
        guard scope.diagnostics.isEmpty, let when else { return (nil, scope.diagnostics) }
        let compiled = CompiledRule(
            rule: rule, slotCount: scope.slotCount, inputs: inputs, loops: loops, bindings: bindings, when: when,
            at: at, involved: involved, pairKeys: pairKeys, pairLinks: pairLinks, messages: messages)
        let cost = RuleCostCheck.check(compiled, listSize: YAMLLimits.default.maxCollectionCount)
        if cost.contains(where: { $0.severity == .error }) { return (nil, cost) }
        return (compiled, cost)
    }
}

/// The variables of one rule as they are declared, in order.
struct RuleScopeBuilder {
    var environment: Environment
    var slotCount = 0
    var names: Set<String> = []
    var diagnostics: [Diagnostic] = []
    /// The type of `params`, to word an unknown field of it as an undeclared parameter.
    var paramsType: CELType?

    /// The variables every rule of a scope sees (`formats.md`).
    mutating func declareInputs(_ ruleScope: RuleScope, context: RuleContext) -> CompiledRule.Inputs {
        var inputs = CompiledRule.Inputs()
        if ruleScope == .candidate {
            for (index, field) in context.dossierType.fields.enumerated() {
                inputs.dossierFields.append((slot: declareInput(field.name, field.type), field: index))
            }
        } else {
            inputs.candidates = declareInput("candidates", .list(.object(context.dossierType)))
        }
        inputs.slate = declareInput("slate", .object(context.slateType))
        inputs.asOf = declareInput("as_of", .date)
        paramsType = .object(context.paramsType)
        inputs.params = declareInput("params", .object(context.paramsType))
        return inputs
    }

    private mutating func declareInput(_ name: String, _ type: CELType) -> Int {
        names.insert(name)
        let slot = environment.declare(variable: name, type: type)
        slotCount = max(slotCount, slot + 1)
        return slot
    }

    /// A rule's own name (for_each or let); nil when it is taken.
    mutating func declare(_ name: String, type: CELType, at location: SourceLocation) -> Int? {
        guard !names.contains(name) else {
            diagnostics.append(RuleMessages.duplicateName(name, at: location))
            return nil
        }
        return declareInput(name, type)
    }

    /// The program, or nil with its issues reported at their places in the rule file.
    mutating func compile(_ expression: RuleExpression, languageForMoney language: String?) -> Program? {
        let environment = self.environment.extended()
        environment.declare(function: "vnd", overloads: HostFunctions.vnd(language: language ?? "en"))
        return compile(expression.source, in: environment)
    }

    /// A checker issue in the rule author's terms, worded from its value: an unknown field of
    /// `params` is an undeclared parameter, declared under the file's top-level `params:`.
    func authorMessage(_ issue: CELIssue) -> String {
        if case .undefinedField(let name, let type, let suggestion) = issue.reason, type == paramsType {
            return "no parameter '\(name)'"
                + (suggestion == nil ? "; declare it under 'params:' at the top of a rule file" : CheckerMessage.suffix(suggestion))
        }
        return issue.message
    }

    mutating func compile(_ source: EmbeddedSource, in environment: Environment) -> Program? {
        do {
            return try Program.compile(source.text, in: environment)
        } catch {
            for issue in error.issues {
                diagnostics.append(Diagnostic(
                    code: issue.code, message: authorMessage(issue),
                    location: source.location(ofUTF8Offset: issue.range.lowerBound),
                    end: Self.end(of: issue.range, in: source)))
            }
            return nil
        }
    }

    /// Just past the last character of `range`: the last one's place plus a column, so that a
    /// range ending at the end of a quoted scalar does not reach past its closing quote.
    static func end(of range: Range<Int>, in source: EmbeddedSource) -> SourceLocation {
        guard !range.isEmpty else { return source.location(ofUTF8Offset: range.lowerBound) }
        var last = source.location(ofUTF8Offset: range.upperBound - 1)
        last.column += 1
        return last
    }

    /// The element type of a `for_each` list; reports an iterable that is not a list.
    mutating func elementType(of program: Program?, clause: ForEachClause) -> CELType {
        guard let program else { return .dyn }
        switch program.resultType {
        case .list(let element): return element
        case .dyn: return .dyn
        case let other:
            diagnostics.append(CompileMessages.forEachNotList(
                clause.iterable.text.trimmingSpaces, type: other,
                at: clause.iterable.source.location(ofUTF8Offset: leadingSpaceCount(clause.iterable.text))))
            return .dyn
        }
    }

    /// `pair_keys` (or `pair_links`), with both `for_each` lines over the same list (the parser
    /// checked there are two).
    mutating func compilePairKeys(_ keys: RuleExpression, rule: Rule, key: String) -> Program? {
        let lists = rule.forEach.map { $0.iterable.text.trimmingSpaces }
        guard lists.count == 2, lists[0] == lists[1] else {
            diagnostics.append(RuleMessages.pairKeysPlacement(key, at: keys.source.location(ofUTF8Offset: 0)))
            return nil
        }
        guard let program = compile(keys, languageForMoney: nil) else { return nil }
        if Self.mentions("candidates", program.parsed.expr) {
            diagnostics.append(RuleMessages.pairKeysReadCandidates(key, at: keys.source.location(ofUTF8Offset: 0)))
            return nil
        }
        return program
    }

    /// Whether `expr` names the variable `name` anywhere (a comprehension variable of that
    /// name counts too: refusing it is the safe side).
    static func mentions(_ name: String, _ expr: Expr) -> Bool {
        if case .identifier(let identifier) = expr.kind, identifier == name { return true }
        return expr.children.contains { mentions(name, $0) }
    }

    mutating func requireBool(_ program: Program, source: RuleExpression) {
        switch program.resultType {
        case .bool, .dyn: return
        case let other:
            diagnostics.append(CompileMessages.whenNotBool(
                type: other, at: source.source.location(ofUTF8Offset: leadingSpaceCount(source.text))))
        }
    }

    /// Each language's template with `vnd` formatting for that language.
    mutating func compileTemplate(_ entry: LocalizedText.Entry) -> CompiledTemplate {
        let environment = self.environment.extended()
        environment.declare(function: "vnd", overloads: HostFunctions.vnd(language: entry.language))
        let (template, _) = MessageTemplate.parse(entry.source)
        var pieces: [CompiledTemplate.Piece] = []
        for segment in template.segments {
            switch segment {
            case .literal(let text): pieces.append(.literal(text))
            case .expression(let source):
                if let program = compile(source, in: environment) { pieces.append(.program(program)) }
            }
        }
        return CompiledTemplate(language: entry.language, pieces: pieces)
    }

    private func leadingSpaceCount(_ text: String) -> Int {
        text.utf8.prefix { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }.count
    }
}

/// Diagnostics of the compiling stage.
enum CompileMessages {
    static func forEachNotList(_ text: String, type: CELType, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.for-each-not-list", message: "for_each needs a list, but '\(text)' is \(type)",
            location: location)
    }

    static func whenNotBool(type: CELType, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "rule.when-not-bool", message: "'when' must be a bool expression, found \(type)",
            location: location)
    }
}
