import CEL

/// Which record fields slate rules read, so that a screening keeps of each valid dossier only
/// what the slate rules will look at (`RecordCodec.encode(_:file:keeping:always:)`): a few
/// names, ids and family entries per candidate, not whole declarations (`docs/performance.md`).
public struct SlateFieldUse: Sendable {
    /// Per record type (by name), the fields read by some `x.field` or `has(x.field)`.
    public let fields: [String: Set<String>]

    public init(fields: [String: Set<String>]) { self.fields = fields }

    /// The fields read by `rules`, or nil when some read goes through a `dyn` value, whose
    /// record type is unknown at compile time (then dossiers must be kept whole).
    public static func of(_ rules: [CompiledRule]) -> SlateFieldUse? {
        var fields: [String: Set<String>] = [:]
        for rule in rules {
            for (program, _) in parts(of: rule) {
                guard collect(program.parsed.expr, program: program, into: &fields) else { return nil }
            }
        }
        // Slate findings name the candidates involved by id in their fingerprints.
        fields["candidate", default: []].insert("id")
        return SlateFieldUse(fields: fields)
    }

    /// Whether some slate rule reads `field` of records of `type`.
    public func reads(_ field: String, of type: ObjectType) -> Bool {
        fields[type.name]?.contains(field) ?? false
    }

    /// Every program of `rule`, each with whether its value may hold records where only their
    /// named fields count (`observed(by:isRecord:)`): a `for_each` range, a `let`, `when`, `at`
    /// and `involved` (placed by origin and candidate id) may; keys and message text may not.
    static func parts(of rule: CompiledRule) -> [(program: Program, resultMayHoldRecords: Bool)] {
        var parts = (rule.loops.map(\.iterable) + rule.bindings.map(\.program) + [rule.when]).map { ($0, true) }
        parts += [rule.at, rule.involved].compactMap { $0 }.map { ($0, true) }
        parts += [rule.pairKeys, rule.pairLinks].compactMap { $0 }.map { ($0, false) }
        for template in rule.messages.values {
            for piece in template.pieces {
                if case .program(let program) = piece { parts.append((program, false)) }
            }
        }
        return parts
    }

    /// False when a field is selected from a value of unknown type.
    private static func collect(_ expr: Expr, program: Program, into fields: inout [String: Set<String>]) -> Bool {
        if case .select(let operand, let field, _) = expr.kind {
            switch program.type(ofExpr: operand.id) {
            case .object(let type)?: fields[type.name, default: []].insert(field)
            case .map?: break
            default: return false
            }
        }
        return expr.children.allSatisfy { collect($0, program: program, into: &fields) }
    }
}
