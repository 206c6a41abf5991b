import CEL

extension SlateFieldUse {
    /// The fields one slate rule can observe of the kept records, or nil when it may observe
    /// more than the fields it names: a record read back with only these fields (the others
    /// absent, `RecordCodec.decode(_:keeping:)`) then evaluates the rule exactly as the whole
    /// record does. A composition rule that counts women reads one field per candidate and so
    /// decodes one, not each candidate's family (`docs/performance.md`).
    ///
    /// A record value may only be read through a field (`x.f`, `has(x.f)`), iterated (a
    /// comprehension's or a `for_each`'s range), counted (`size`), indexed, chosen by `?:`,
    /// bound (a `let`), or placed
    /// (`at`, `involved`: by origin and candidate id, which stay). Anywhere else — compared,
    /// put in a list, concatenated, formatted into a message, returned from a `map`, passed to
    /// another function — every field of it may count, so the rule gets whole records.
    /// `isRecord` says which object types are record types (a slate's own object is not).
    public static func observed(by rule: CompiledRule, isRecord: @escaping (ObjectType) -> Bool) -> SlateFieldUse? {
        guard let read = of([rule]) else { return nil }
        for (program, resultMayHoldRecords) in parts(of: rule) {
            let walk = RecordEscape(program: program, isRecord: isRecord)
            guard walk.staysInPlace(program.parsed.expr, allowed: resultMayHoldRecords) else { return nil }
        }
        return read
    }
}

/// Walks one program for a record value in a place where more than its named fields count.
private struct RecordEscape {
    let program: Program
    let isRecord: (ObjectType) -> Bool

    /// Whether every record value in `expr` stays where only its named fields count; `allowed`
    /// says whether `expr`'s own value may hold records.
    func staysInPlace(_ expr: Expr, allowed: Bool) -> Bool {
        if !allowed, mayHoldRecords(program.type(ofExpr: expr.id)) { return false }
        switch expr.kind {
        case .literal, .identifier:
            return true
        case .select(let operand, _, _):
            return staysInPlace(operand, allowed: true)
        case .call(let function, let target, let arguments):
            let operands = (target.map { [$0] } ?? []) + arguments
            return operands.indices.allSatisfy { index in
                staysInPlace(operands[index], allowed: Self.passes(function, operand: index, allowed: allowed))
            }
        case .list, .map:
            return expr.children.allSatisfy { staysInPlace($0, allowed: false) }
        case .comprehension(let comprehension):
            // A filter's result holds the range's records; its own place was checked above.
            return staysInPlace(comprehension.range, allowed: true)
                && (comprehension.filter.map { staysInPlace($0, allowed: false) } ?? true)
                && staysInPlace(comprehension.body, allowed: false)
        }
    }

    /// Whether operand `index` of a call to `function` may hold records: counted (`size`),
    /// indexed (`list[i]`: the element's own place is checked at the call), or a branch of
    /// `?:` (its value is the call's, checked there); any other function may read them whole.
    private static func passes(_ function: String, operand index: Int, allowed: Bool) -> Bool {
        switch function {
        case "size": true
        case "_[_]": index == 0
        case "_?_:_": index > 0 && allowed
        default: false
        }
    }

    /// Whether a value of `type` may be or contain a record; an unknown type may.
    private func mayHoldRecords(_ type: CELType?) -> Bool {
        switch type {
        case .object(let object)?: isRecord(object)
        case .list(let element)?: mayHoldRecords(element)
        case .map(_, let value)?: mayHoldRecords(value)
        case .type?, .null?, .bool?, .int?, .double?, .string?, .timestamp?, .duration?, .date?: false
        case .dyn?, .parameter?, .error?, nil: true
        }
    }
}
