import CEL

/// Which record fields slate rules read, so that a screening keeps of each valid dossier only
/// what the slate rules will look at: a folder of 100,000 dossiers then holds a few names,
/// ids and family entries per candidate, not whole declarations (`docs/performance.md`).
public struct SlateFieldUse: Sendable {
    /// Per record type (by name), the fields read by some `x.field` or `has(x.field)`.
    public let fields: [String: Set<String>]

    public init(fields: [String: Set<String>]) { self.fields = fields }

    /// The fields read by `rules`, or nil when some read goes through a `dyn` value, whose
    /// record type is unknown at compile time (then dossiers must be kept whole).
    public static func of(_ rules: [CompiledRule]) -> SlateFieldUse? {
        var fields: [String: Set<String>] = [:]
        for rule in rules {
            for program in programs(of: rule) {
                guard collect(program.parsed.expr, program: program, into: &fields) else { return nil }
            }
        }
        return SlateFieldUse(fields: fields)
    }

    /// A copy of `object` holding only the fields read (recursively); the others read as
    /// absent. Locations stay, so findings and evidence point where they did. `always`
    /// names fields kept whatever the rules read (`candidate`, for duplicate-id locations).
    public func pruning(_ object: ObjectValue, always: Set<String> = []) -> ObjectValue {
        let used = fields[object.type.name] ?? []
        var values = object.fields
        var present = object.present
        for (slot, field) in object.type.fields.enumerated() {
            if used.contains(field.name) || always.contains(field.name) {
                values[slot] = pruning(values[slot])
            } else {
                values[slot] = .null
                present[slot] = false
            }
        }
        // Kept records drop their per-field origins, the largest part of a record: evidence of
        // a slate finding then points at the record (`family[0]`) with the field's full path.
        return ObjectValue(type: object.type, fields: values, present: present, origin: object.origin, fieldOrigins: [])
    }

    private func pruning(_ value: Value) -> Value {
        switch value {
        case .object(let object): .object(pruning(object))
        case .list(let list):
            list.elements.contains { if case .object = $0 { true } else { false } }
                ? .list(ListValue(list.elements.map(pruning), origin: list.origin)) : value
        default: value
        }
    }

    private static func programs(of rule: CompiledRule) -> [Program] {
        var programs = rule.loops.map(\.iterable) + rule.bindings.map(\.program) + [rule.when]
        programs += [rule.at, rule.involved, rule.pairKeys].compactMap { $0 }
        for template in rule.messages.values {
            for piece in template.pieces {
                if case .program(let program) = piece { programs.append(program) }
            }
        }
        return programs
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
