import Diagnostics

/// The diagnostics of decisions files and of applying them (`decision.*`), one constructor
/// per problem so that codes and wording stay in one place.
enum DecisionMessages {
    static func noSchema(file: String) -> Diagnostic {
        Diagnostic(
            code: "decision.no-schema",
            message: "the rule set's schema.yaml describes no decisions document (documents.decisions)",
            location: SourceLocation(file: file, line: 1, column: 1), path: "")
    }

    static func subject(at location: SourceLocation, path: String, both: Bool) -> Diagnostic {
        Diagnostic(
            code: "decision.subject",
            message: both
                ? "a decision names either candidate (a candidate finding) or involved (a slate finding), not both"
                : "a decision must name candidate (a candidate finding) or involved (a slate finding)",
            location: location, path: path)
    }

    static func disqualify(_ decision: ReviewDecision) -> Diagnostic {
        Diagnostic(
            code: "decision.disqualify",
            message: "rule \(decision.rule) has severity disqualify; its findings cannot be cleared or decided "
                + "(no forbidden areas, no exceptions)",
            location: decision.ruleLocation ?? decision.location, path: decision.path + ".rule",
            notes: [Diagnostic.Note("the decision", at: decision.location)])
    }

    static func errorFinding(_ decision: ReviewDecision) -> Diagnostic {
        Diagnostic(
            code: "decision.error-finding",
            message: "the finding of \(decision.rule) at \(decision.at) is a rule error; fix the rule or the dossier, "
                + "a decision cannot answer it",
            location: decision.location, path: decision.path)
    }

    static func duplicate(_ decision: ReviewDecision, first: ReviewDecision) -> Diagnostic {
        Diagnostic(
            code: "decision.duplicate",
            message: "two decisions for one finding (\(decision.rule) at \(decision.at) of "
                + "\(decision.subjects.joined(separator: ", "))), in force at the same time",
            location: decision.location, path: decision.path,
            notes: [Diagnostic.Note("the other decision", at: first.location)])
    }
}
