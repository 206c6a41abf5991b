import CEL

/// Runs one compiled rule over one activation: every `for_each` combination, the `let`s in
/// order, then `when`; a true `when` gives a finding, a run-time error gives an `error`
/// finding. Shared by the candidate and the slate evaluators, which differ only in where a
/// finding is located. Everything the rule evaluates on one input spends from one
/// `EvaluationBudget`; past it the rule stops with one `error` finding (a cost limit).
struct RuleRunner {
    /// How a finding is placed: candidate rules use `at`, then the innermost element;
    /// slate rules use `involved`, then `at`, then the slate node.
    enum Placement {
        case candidate
        case slate(SlateCandidates)
    }

    /// A `var`, so that one runner serves every rule on a dossier (`Evaluator`): the rest is
    /// the dossier's, and copying it into a runner per rule retained and released each part.
    var compiled: CompiledRule
    let language: String
    /// `candidate` (candidate rules) or the slate node (slate rules).
    let fallback: FindingLocation
    let placement: Placement
    /// The day screened: the rule's basis in force on it is cited by every finding, and
    /// looked up only when one is made (most rules find nothing in most dossiers).
    let asOf: CivilDate
    /// Candidate rules: the candidate's id, which every finding's fingerprint names.
    var candidateID: String? = nil
    /// Sees each combination evaluated (`rules test --coverage`); nil when screening.
    var observer: (any RuleObserver)? = nil
    /// The budget of one run (scaled by the slate's size for slate rules).
    let limits: EvaluationLimits
    /// Slate rules screening a folder: where findings go a chunk at a time as they are made,
    /// so that the rule never holds them all (`FindingOutlet`); nil keeps them in the list.
    var outlet: FindingOutlet? = nil

    /// The rule's basis in force on `asOf`, which every finding cites.
    var basis: String { compiled.rule.basisText(on: asOf) }

    /// Where the innermost `for_each` element stands, found only when a finding or a failure
    /// needs it: the element is still in its loop's activation slot then (most combinations
    /// give no finding, and copying each element's origin retained its two strings).
    enum Innermost {
        case none
        /// The element in this activation slot.
        case slot(Int)

        func origin(in activation: Activation) -> ValueOrigin? {
            switch self {
            case .none: nil
            case .slot(let slot): RuleRunner.origin(of: activation[slot])
            }
        }

        func location(in activation: Activation) -> FindingLocation? {
            origin(in: activation).map(RuleRunner.location)
        }
    }

    /// Every finding of the rule for the inputs already in `activation`.
    func run(_ activation: inout Activation) -> [Finding] {
        var unshared = SharedLoopLists(shared: [])
        var findings: [Finding] = []
        run(&activation, sharing: &unshared, into: &findings)
        return findings
    }

    /// The same, appended to `findings` (a list of them appended to another copied each), the
    /// first `for_each` list taken from `lists` when another rule on this dossier evaluated the
    /// same program.
    func run(_ activation: inout Activation, sharing lists: inout SharedLoopLists, into findings: inout [Finding]) {
        var budget = EvaluationBudget(limits: limits)
        let first = compiled.loops.first.map { lists.value(of: $0.iterable, on: activation, budget: &budget) }
        iterate(depth: 0, innermost: .none, evaluated: first, activation: &activation, budget: &budget, into: &findings) {
            body(innermost: $0, activation: &$1, budget: &$2, into: &$3)
        }
    }

    /// Walks every `for_each` combination, calling `leaf` on each with where the innermost
    /// element is; `leaf` appends the finding of that combination, if any (appended, not
    /// returned: a `Finding?` is 472 bytes, copied out of each call). Its origin and
    /// `FindingLocation` are made only when a finding or a failure is (most combinations give none).
    /// `evaluated` is this depth's list when it was evaluated already.
    func iterate(
        depth: Int, innermost: Innermost, evaluated: Value? = nil, activation: inout Activation,
        budget: inout EvaluationBudget, into findings: inout [Finding],
        leaf: (Innermost, inout Activation, inout EvaluationBudget, inout [Finding]) -> Void
    ) {
        guard depth < compiled.loops.count else {
            let count = findings.count
            leaf(innermost, &activation, &budget, &findings)
            if findings.count != count { outlet?.flushIfFull(&findings) }
            return
        }
        let iterable = evaluated ?? compiled.loops[depth].iterable.evaluate(activation, budget: &budget)
        if depth == 0, compiled.loops.count == 2, case .slate(let candidates) = placement,
            let table = candidates.pairKeys[compiled.rule.id], case .list(let list) = iterable
        {
            iteratePairs(list, table: table, parallel: candidates.parallel, activation: &activation, budget: &budget, into: &findings)
            return
        }
        switch iterable {
        case .list(let list):
            for index in list.indices {
                // Each combination is a step, so a product of long lists ends at the budget.
                guard budget.spend(steps: 1, at: nil) else {
                    return findings.append(failure("\(budget.exceeded?.message ?? "cost limit") (in `for_each \(compiled.loops[depth].name) in \(compiled.loops[depth].iterable.text.trimmingSpaces)`)", at: innermost.location(in: activation)))
                }
                // Read into its slot: a loop variable assigned there was copied once more.
                activation[compiled.loops[depth].slot] = list[index]
                iterate(depth: depth + 1, innermost: .slot(compiled.loops[depth].slot),
                        activation: &activation, budget: &budget, into: &findings, leaf: leaf)
                // Past the budget every later combination fails at once: one finding says so.
                if budget.exceeded != nil { return }
            }
        case .error(let error):
            findings.append(failure(
                error, in: compiled.loops[depth].iterable, source: compiled.rule.forEach[depth].iterable.source,
                at: innermost.location(in: activation), activation: activation))
        case let other:
            findings.append(failure("for_each '\(compiled.loops[depth].name)' needs a list, found \(Self.kind(other))", at: innermost.location(in: activation)))
        }
    }

    /// The `let`s and `when` for one combination, the innermost element found where `place` says:
    /// its finding, if any, appended to `findings` (not returned: a `Finding?` is 472 bytes,
    /// copied out of every call, and most combinations give none).
    func body(
        innermost place: Innermost, activation: inout Activation, budget: inout EvaluationBudget,
        into findings: inout [Finding]
    ) {
        // Read when a finding or a failure needs it, `let`s bound by then: each of a rule's
        // names has a slot of its own, so the loop's slot holds the element until the
        // combination ends.
        var innermost: FindingLocation? { place.location(in: activation) }
        // By index: the bindings are read in place, not copied out one by one.
        let bindings = compiled.bindings
        for index in bindings.indices {
            let value = bindings[index].program.evaluate(activation, budget: &budget)
            if case .error(let error) = value {
                observer?.evaluated(compiled, activation, boundLets: index)
                let source = compiled.rule.lets.indices.contains(index) ? compiled.rule.lets[index].expression.source : nil
                let program = bindings[index].program
                return findings.append(failure(error, in: program, source: source, at: innermost, activation: activation))
            }
            activation[bindings[index].slot] = value
        }
        observer?.evaluated(compiled, activation, boundLets: compiled.bindings.count)
        switch compiled.when.evaluate(activation, budget: &budget) {
        case .bool(true): findings.append(finding(innermost: innermost, activation: activation, budget: &budget))
        case .bool(false): return
        case .error(let error):
            findings.append(failure(error, in: compiled.when, source: compiled.rule.when.source, at: innermost, activation: activation))
        case let other: findings.append(failure("'when' gave \(Self.kind(other)), not a bool", at: innermost))
        }
    }

    /// The finding for a combination where `when` holds: located, worded and explained.
    private func finding(innermost: FindingLocation?, activation: Activation, budget: inout EvaluationBudget) -> Finding {
        let place: (FindingLocation, [FindingLocation], [String])
        switch locate(innermost: innermost, activation: activation, budget: &budget) {
        case .success(let found): place = found
        case .failure(let error): return failure(error.message, at: innermost)
        }
        // Written as bytes and made a string once: appending each piece to a string cost more.
        var message: [UInt8] = []
        message.reserveCapacity(256)
        for piece in compiled.message(for: language)?.pieces ?? [] {
            switch piece {
            case .literal(let text): message += text.utf8
            case .program(let program):
                let value = program.evaluate(activation, budget: &budget)
                if case .error(let error) = value { return failure(error, in: program, source: nil, at: place.0, activation: activation) }
                message += ValueText.format(value, language: language).utf8
                // The message is built too: a placeholder may not make it unbounded.
                guard budget.spend(bytes: message.count, at: nil) else {
                    return failure("\(budget.exceeded?.message ?? "cost limit") (in the message)", at: place.0)
                }
            }
        }
        let explanation = Evidence.explain(compiled.when, lets: compiled.evidenceBindings, activation)
        return Finding(
            rule: compiled.rule.id, severity: compiled.rule.severity, title: compiled.rule.title.text(for: language),
            message: String(decoding: message, as: UTF8.self), basis: basis, location: place.0, evidence: explanation.items,
            comparisons: explanation.comparisons, related: place.1, ruleOrder: compiled.rule.order, subjects: place.2)
    }

    /// A run-time error of one of the rule's expressions: coded, placed at the part that failed
    /// in the rule file (`source`, where the expression is written), and worded in the report
    /// language; when that part read a missing dossier field, the message names the field first.
    func failure(
        _ error: EvalError, in program: Program, source: EmbeddedSource?, at location: FindingLocation?,
        activation: Activation? = nil
    ) -> Finding {
        guard let id = error.exprID, let part = program.text(ofExpr: id) else { return failure(error.message, at: location) }
        // The whole failing part, not its operator: an author reads from its start; its end is
        // found the way a lint error's is, so both underline alike.
        var cause = RuleFailure(code: error.code, expression: part, ruleLocation: nil)
        if let source, let range = program.parsed.sourceInfo.range(of: id) {
            let start = source.location(ofUTF8Offset: range.lowerBound)
            cause = RuleFailure(
                code: error.code, expression: part, ruleLocation: start,
                ruleEnd: RuleScopeBuilder.end(of: range, in: source), ruleLine: source.fileLine(start.line))
        }
        var lead: String?
        if let activation {
            let missing = MissingFields.read(by: program, in: part, activation)
            if !missing.isEmpty { lead = MissingFields.message(missing, rule: compiled.rule.id, language: language) }
        }
        var finding = failure(cause.message(detail: error.message, language: language, lead: lead), at: location, prefixed: false)
        finding.failure = cause
        return finding
    }

    /// A rule that failed at run time: an `error` finding, never a silent pass.
    func failure(_ reason: String, at location: FindingLocation?, prefixed: Bool = true) -> Finding {
        Finding(
            rule: compiled.rule.id, severity: .error, title: compiled.rule.title.text(for: language),
            message: prefixed ? "rule failed: \(reason)" : reason, basis: basis, location: location ?? fallback,
            ruleOrder: compiled.rule.order, subjects: candidateID.map { [$0] } ?? [])
    }

    // MARK: - Location

    /// Where the finding stands, the other dossiers involved, and the ids of the candidates
    /// it is about (the candidate; for a slate rule those of `involved`).
    private func locate(
        innermost: FindingLocation?, activation: Activation, budget: inout EvaluationBudget
    ) -> Result<(FindingLocation, [FindingLocation], [String]), EvalError> {
        let subjects = candidateID.map { [$0] } ?? []
        if case .slate(let candidates) = placement, let involved = compiled.involved {
            switch involved.evaluate(activation, budget: &budget) {
            case .list(let list):
                let ranked = list.compactMap { element -> (Int, FindingLocation, String?)? in
                    guard case .object(let object) = element, let location = Self.dossierLocation(object) else { return nil }
                    let id = object.field("candidate")?.objectValue?.field("id")?.stringValue
                    return (candidates.position(object) ?? Int.max, location, id)
                }.sorted { $0.0 < $1.0 }
                if let first = ranked.first {
                    return .success((first.1, ranked.dropFirst().map(\.1), ranked.compactMap(\.2)))
                }
            case .error(let error): return .failure(error)
            default: return .failure(EvalError(.evalType, "'involved' must be a list of dossiers"))
            }
        }
        if let at = compiled.at {
            let value = at.evaluate(activation, budget: &budget)
            if case .error(let error) = value { return .failure(error) }
            if let origin = Self.origin(of: value) { return .success((Self.location(origin), [], subjects)) }
            if value.isScalar, let last = Evidence.explain(at, lets: [], activation).items.last {
                return .success((last.location, [], subjects))
            }
            return .success((fallback, [], subjects))
        }
        if case .candidate = placement, let innermost { return .success((innermost, [], subjects)) }
        return .success((fallback, [], subjects))
    }

    static func origin(of value: Value) -> ValueOrigin? {
        switch value {
        case .object(let object): object.origin
        case .list(let list): list.origin
        default: nil
        }
    }

    static func location(_ origin: ValueOrigin) -> FindingLocation {
        FindingLocation(origin)
    }

    /// A dossier on a slate is located at its `candidate` node, else at its root.
    static func dossierLocation(_ dossier: ObjectValue) -> FindingLocation? {
        if let slot = dossier.type.slot(of: "candidate"), case .object(let candidate) = dossier.fields[slot],
            let origin = candidate.origin
        {
            return location(origin)
        }
        return dossier.origin.map(location)
    }

    static func kind(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool: "a bool"
        case .int: "an int"
        case .double: "a double"
        case .string: "a string"
        case .list: "a list"
        case .map: "a map"
        case .object(let object): "a \(object.type.name)"
        case .timestamp: "a timestamp"
        case .duration: "a duration"
        case .date: "a date"
        case .type: "a type"
        case .error: "an error"
        }
    }
}
