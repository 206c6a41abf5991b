import Diagnostics
import YAML

extension ExampleRunner {
    /// The problems of every rule example that is not a valid partial dossier (or, for a slate
    /// rule, a valid `{slate, candidates}` pair), without running any rule: `rules lint`
    /// reports them, so an author learns of a misspelt field or an impossible date before
    /// `rules test`.
    public func exampleDiagnostics() -> [Diagnostic] {
        guard let context = prepared.context, let schema = prepared.schema, !prepared.hasErrors else { return [] }
        var problems: [Diagnostic] = []
        let inputs = ExampleInputs(schema: schema, context: context, base: baseNode(&problems), language: language)
        guard inputs.base != nil else { return problems }
        for rule in prepared.compiled.rules {
            for node in rule.rule.examples.triggers + rule.rule.examples.passes {
                problems += rule.rule.scope == .slate ? inputs.slateProblems(node) : inputs.dossierProblems(node)
            }
        }
        return problems
    }
}

extension ExampleInputs {
    /// Why a candidate rule's example does not validate once merged onto the base dossier.
    func dossierProblems(_ example: Node) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if case .failure(let failure) = exampleSlate(example) { problems += failure.diagnostics }
        if case .failure(let failure) = dossier(example) { problems += failure.diagnostics }
        return problems
    }

    /// Why a slate rule's example (its candidates, its slate) does not validate.
    func slateProblems(_ example: Node) -> [Diagnostic] {
        var problems = (example["candidates"]?.sequence ?? []).flatMap(dossierProblems)
        if let slateNode = example["slate"] {
            let validated = schema.validate(
                BaseDossier.slateFile(slateNode), as: .slate, file: slateNode.start.file, options: ValidationOptions())
            problems += validated.diagnostics.filter { $0.severity == .error }
        }
        return problems
    }
}
