import CEL
import Diagnostics
import YAML

/// Reads decisions files (format decisions/1) through the same YAML loader and schema-typed
/// validation as dossiers, with unknown fields always errors, then checks what the schema
/// cannot say: `candidate` or `involved` (one of them), no decision on a `disqualify` rule,
/// and no two decisions for one finding at the same time. Every problem is located.
public enum DecisionsLoader {
    /// The decisions of one file; nil with the diagnostics when any is an error.
    public static func load(
        bytes: [UInt8], file: String, schema: Schema, limits: YAMLLimits = .default
    ) -> ([ReviewDecision]?, [Diagnostic]) {
        guard schema.describes(.decisions) else {
            return (nil, [DecisionMessages.noSchema(file: file)])
        }
        let document = YAMLLoader.load(bytes: bytes, file: file, limits: limits)
        let validated = DossierLoader.validate(
            document, file: file, schema: schema, kind: .decisions, options: ValidationOptions(strict: true))
        guard let value = validated.value else { return (nil, validated.diagnostics) }
        var diagnostics = validated.diagnostics
        var decisions: [ReviewDecision] = []
        let entries = value.field("decisions")?.listValue?.elements ?? []
        for (index, entry) in entries.enumerated() {
            guard let object = entry.objectValue else { continue }
            switch decision(object, index: index, file: file) {
            case .success(let decision): decisions.append(decision)
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return (failed ? nil : decisions, diagnostics.sorted())
    }

    /// Checks a whole set of decisions against the rule set: a decision on a `disqualify`
    /// rule, and two decisions for one finding in force at the same time, are errors.
    public static func check(_ decisions: [ReviewDecision], severity: (String) -> Severity?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for decision in decisions where severity(decision.rule) == .disqualify {
            problems.append(DecisionMessages.disqualify(decision))
        }
        var byIdentity: [String: [ReviewDecision]] = [:]
        for decision in decisions { byIdentity[decision.identity, default: []].append(decision) }
        for group in byIdentity.values where group.count > 1 {
            for (offset, later) in group.enumerated().dropFirst() {
                if let earlier = group[..<offset].first(where: { overlap($0, later) }) {
                    problems.append(DecisionMessages.duplicate(later, first: earlier))
                }
            }
        }
        return problems.sorted()
    }

    /// Whether two decisions can be in force on one day: [decided_on, expires) meet.
    static func overlap(_ lhs: ReviewDecision, _ rhs: ReviewDecision) -> Bool {
        let lhsEnd = lhs.expires ?? "9999-12-31", rhsEnd = rhs.expires ?? "9999-12-31"
        return lhs.decidedOn < rhsEnd && rhs.decidedOn < lhsEnd
    }

    private static func decision(_ object: ObjectValue, index: Int, file: String) -> Result<ReviewDecision, Diagnostic> {
        let path = "decisions[\(index)]"
        let location = object.origin?.location ?? SourceLocation(file: file, line: 1, column: 1)
        let candidate = object.field("candidate")?.stringValue
        let involved = object.field("involved")?.listValue.map { $0.elements.compactMap(\.stringValue) }
        if (candidate == nil) == (involved == nil) {
            return .failure(DecisionMessages.subject(at: location, path: path, both: candidate != nil))
        }
        func text(_ name: String) -> String? { object.field(name)?.stringValue }
        func date(_ name: String) -> String? {
            if case .date(let date)? = object.field(name) { return date.description }
            return nil
        }
        let evidence = (object.field("evidence")?.listValue?.elements ?? []).compactMap { item -> EvidenceText? in
            guard let item = item.objectValue, let path = item.field("path")?.stringValue,
                let value = item.field("value")?.stringValue
            else { return nil }
            return EvidenceText(path: path, value: value)
        }
        let ruleLocation = object.type.slot(of: "rule").flatMap { object.origin(ofField: $0)?.location }
        return .success(ReviewDecision(
            subjects: (candidate.map { [$0] } ?? involved ?? []).sorted {
                Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
            },
            isSlate: involved != nil, rule: text("rule") ?? "", at: text("at") ?? "", content: text("content"),
            evidence: evidence, outcome: DecisionOutcome(rawValue: text("outcome") ?? "") ?? .upheld,
            reason: text("reason") ?? "", decidedBy: text("decided_by") ?? "", decidedOn: date("decided_on") ?? "",
            reference: text("reference"), expires: date("expires"), location: location, path: path,
            ruleLocation: ruleLocation))
    }
}
