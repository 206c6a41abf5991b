import CEL

/// Runs one compiled rule over one activation: every `for_each` combination, the `let`s in
/// order, then `when`; a true `when` gives a finding, a run-time error gives an `error`
/// finding. Shared by the candidate and the slate evaluators, which differ only in where a
/// finding is located.
struct RuleRunner {
    /// How a finding is placed: candidate rules use `at`, then the innermost element;
    /// slate rules use `involved`, then `at`, then the slate node.
    enum Placement {
        case candidate
        case slate(SlateCandidates)
    }

    let compiled: CompiledRule
    let language: String
    /// `candidate` (candidate rules) or the slate node (slate rules).
    let fallback: FindingLocation
    let placement: Placement

    /// Every finding of the rule for the inputs already in `activation`.
    func run(_ activation: inout Activation) -> [Finding] {
        var findings: [Finding] = []
        iterate(depth: 0, innermost: nil, activation: &activation, into: &findings) { body(innermost: $0, activation: &$1) }
        return findings
    }

    /// Walks every `for_each` combination, calling `leaf` on each with the innermost element's
    /// location; `leaf` gives the finding of that combination, if any.
    func iterate(
        depth: Int, innermost: FindingLocation?, activation: inout Activation, into findings: inout [Finding],
        leaf: (FindingLocation?, inout Activation) -> Finding?
    ) {
        guard depth < compiled.loops.count else {
            if let finding = leaf(innermost, &activation) { findings.append(finding) }
            return
        }
        let iterable = compiled.loops[depth].iterable.evaluate(activation)
        if depth == 0, compiled.loops.count == 2, case .slate(let candidates) = placement,
            let table = candidates.pairKeys[compiled.rule.id], case .list(let list) = iterable
        {
            iteratePairs(list, table: table, jobs: candidates.jobs, activation: &activation, into: &findings)
            return
        }
        switch iterable {
        case .list(let list):
            for element in list {
                activation[compiled.loops[depth].slot] = element
                iterate(depth: depth + 1, innermost: Self.origin(of: element).map(Self.location),
                        activation: &activation, into: &findings, leaf: leaf)
            }
        case .error(let error):
            findings.append(failure(error, in: compiled.loops[depth].iterable, at: innermost, activation: activation))
        case let other:
            findings.append(failure("for_each '\(compiled.loops[depth].name)' needs a list, found \(Self.kind(other))", at: innermost))
        }
    }

    /// The `let`s and `when` for one combination.
    func body(innermost: FindingLocation?, activation: inout Activation) -> Finding? {
        for binding in compiled.bindings {
            let value = binding.program.evaluate(activation)
            if case .error(let error) = value { return failure(error, in: binding.program, at: innermost, activation: activation) }
            activation[binding.slot] = value
        }
        switch compiled.when.evaluate(activation) {
        case .bool(true): return finding(innermost: innermost, activation: activation)
        case .bool(false): return nil
        case .error(let error): return failure(error, in: compiled.when, at: innermost, activation: activation)
        case let other: return failure("'when' gave \(Self.kind(other)), not a bool", at: innermost)
        }
    }

    /// The finding for a combination where `when` holds: located, worded and explained.
    private func finding(innermost: FindingLocation?, activation: Activation) -> Finding {
        let place: (FindingLocation, [FindingLocation])
        switch locate(innermost: innermost, activation: activation) {
        case .success(let found): place = found
        case .failure(let error): return failure(error.message, at: innermost)
        }
        var message = ""
        for piece in compiled.message(for: language)?.pieces ?? [] {
            switch piece {
            case .literal(let text): message += text
            case .program(let program):
                let value = program.evaluate(activation)
                if case .error(let error) = value { return failure(error, in: program, at: place.0, activation: activation) }
                message += ValueText.format(value, language: language)
            }
        }
        let explanation = Evidence.explain(compiled.when, lets: compiled.evidenceBindings, activation)
        return Finding(
            rule: compiled.rule.id, severity: compiled.rule.severity, title: compiled.rule.title.text(for: language),
            message: message, basis: compiled.rule.basis, location: place.0, evidence: explanation.items,
            comparisons: explanation.comparisons, related: place.1, ruleOrder: compiled.rule.order)
    }

    /// A run-time error of one of the rule's expressions, with the part that failed; when that
    /// part read a missing dossier field, the message names the field first.
    func failure(_ error: EvalError, in program: Program, at location: FindingLocation?, activation: Activation? = nil) -> Finding {
        guard let id = error.exprID, let part = program.text(ofExpr: id) else { return failure(error.message, at: location) }
        let detail = "\(error.message) (in `\(part)`)"
        if let activation {
            let missing = MissingFields.read(by: program, in: part, activation)
            if !missing.isEmpty {
                let message = MissingFields.message(missing, rule: compiled.rule.id, language: language)
                return failure(message + " — " + detail, at: location, prefixed: false)
            }
        }
        return failure(detail, at: location)
    }

    /// A rule that failed at run time: an `error` finding, never a silent pass.
    func failure(_ reason: String, at location: FindingLocation?, prefixed: Bool = true) -> Finding {
        Finding(
            rule: compiled.rule.id, severity: .error, title: compiled.rule.title.text(for: language),
            message: prefixed ? "rule failed: \(reason)" : reason, basis: compiled.rule.basis, location: location ?? fallback,
            ruleOrder: compiled.rule.order)
    }

    // MARK: - Location

    private func locate(innermost: FindingLocation?, activation: Activation) -> Result<(FindingLocation, [FindingLocation]), EvalError> {
        if case .slate(let candidates) = placement, let involved = compiled.involved {
            switch involved.evaluate(activation) {
            case .list(let list):
                let ranked = list.compactMap { element -> (Int, FindingLocation)? in
                    guard case .object(let object) = element, let location = Self.dossierLocation(object) else { return nil }
                    return (candidates.position(object) ?? Int.max, location)
                }.sorted { $0.0 < $1.0 }
                if let first = ranked.first { return .success((first.1, ranked.dropFirst().map(\.1))) }
            case .error(let error): return .failure(error)
            default: return .failure(EvalError("'involved' must be a list of dossiers"))
            }
        }
        if let at = compiled.at {
            let value = at.evaluate(activation)
            if case .error(let error) = value { return .failure(error) }
            if let origin = Self.origin(of: value) { return .success((Self.location(origin), [])) }
            if value.isScalar, let last = Evidence.explain(at, lets: [], activation).items.last {
                return .success((last.location, []))
            }
            return .success((fallback, []))
        }
        if case .candidate = placement, let innermost { return .success((innermost, [])) }
        return .success((fallback, []))
    }

    static func origin(of value: Value) -> ValueOrigin? {
        switch value {
        case .object(let object): object.origin
        case .list(let list): list.origin
        default: nil
        }
    }

    static func location(_ origin: ValueOrigin) -> FindingLocation {
        FindingLocation(origin.location, path: origin.path)
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
