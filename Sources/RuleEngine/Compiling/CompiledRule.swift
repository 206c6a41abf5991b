import CEL
import Diagnostics

/// A rule ready to run: its programs and the activation slots they read, so evaluating it
/// does no name lookups.
public final class CompiledRule: Sendable {
    /// A `for_each` line: the slot its name fills, and the list to iterate.
    public struct Loop: Sendable {
        public let name: String
        public let slot: Int
        public let iterable: Program
    }

    /// A `let` entry: the slot its value fills.
    public struct Binding: Sendable {
        public let name: String
        public let slot: Int
        public let program: Program
    }

    /// Where the inputs go: each top-level dossier field's slot (candidate rules).
    public struct Inputs: Sendable {
        /// (slot, field index in the dossier type) for candidate rules.
        public var dossierFields: [(slot: Int, field: Int)] = []
        public var asOf: Int = 0
        public var params: Int = 0
        public var slate: Int = 0
        /// Slate rules only.
        public var candidates: Int?
    }

    public let rule: Rule
    public let slotCount: Int
    public let inputs: Inputs
    public let loops: [Loop]
    public let bindings: [Binding]
    /// The `let`s that `when` names, whose reads are evidence too; found once here rather
    /// than by scanning the text of `when` for every finding. A `let` whose explanation can
    /// list no read (`Program.mayListReads`) is left out: explaining it would add nothing.
    public let evidenceBindings: [Binding]
    public let when: Program
    public let at: Program?
    public let involved: Program?
    /// Each element's blocking keys, evaluated with the element as the first `for_each` name;
    /// set only on slate rules with two `for_each` lines over the same list.
    public let pairKeys: Program?
    /// The keys each element points to (`pair_links`), matched against the other's `pairKeys`.
    public let pairLinks: Program?
    /// Per language written in the rule's `message`.
    public let messages: [String: CompiledTemplate]

    init(
        rule: Rule, slotCount: Int, inputs: Inputs, loops: [Loop], bindings: [Binding], when: Program,
        at: Program?, involved: Program?, pairKeys: Program? = nil, pairLinks: Program? = nil,
        messages: [String: CompiledTemplate]
    ) {
        self.pairKeys = pairKeys
        self.pairLinks = pairLinks
        self.rule = rule
        self.slotCount = slotCount
        self.inputs = inputs
        self.loops = loops
        self.bindings = bindings
        self.evidenceBindings = bindings.filter { Evidence.mentions(when.text, $0.name) && $0.program.mayListReads }
        self.when = when
        self.at = at
        self.involved = involved
        self.messages = messages
    }

    /// The same rule, its first `for_each` list being `program`: another rule's compile of
    /// the same text in the same scope.
    func sharing(firstLoop program: Program) -> CompiledRule {
        guard let first = loops.first else { return self }
        return CompiledRule(
            rule: rule, slotCount: slotCount, inputs: inputs,
            loops: [Loop(name: first.name, slot: first.slot, iterable: program)] + loops.dropFirst(),
            bindings: bindings, when: when, at: at, involved: involved, pairKeys: pairKeys, pairLinks: pairLinks,
            messages: messages)
    }

    /// The message template for the report language, falling back to `en`, then the first.
    public func message(for language: String) -> CompiledTemplate? {
        messages[language] ?? messages[LocalizedText.fallbackLanguage]
            ?? rule.message.entries.first.flatMap { messages[$0.language] }
    }
}

/// A message template whose placeholders are compiled programs.
public struct CompiledTemplate: Sendable {
    public enum Piece: Sendable {
        case literal(String)
        case program(Program)
    }

    public let language: String
    public let pieces: [Piece]
}

/// The compiled rule set: the rules that compiled, and every problem of every rule.
public struct CompiledRuleSet: Sendable {
    public var rules: [CompiledRule]
    public var diagnostics: [Diagnostic]
    public var candidateRules: [CompiledRule] { rules.filter { $0.rule.scope == .candidate } }
    public var slateRules: [CompiledRule] { rules.filter { $0.rule.scope == .slate } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
