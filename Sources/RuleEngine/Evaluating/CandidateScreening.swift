import CEL

/// One dossier's entry in a report, from its loaded (or rejected) form: the candidate rules'
/// findings and verdict for a valid dossier, the diagnostics for an invalid one. The one
/// place that turns a `DossierLoad` into a `CandidateResult`, for `check`, `screen`, the
/// benchmark and the fuzzer alike.
public struct CandidateScreening: Sendable {
    public let evaluator: Evaluator
    public let asOf: CivilDate
    public let language: String
    /// The slate file's `slate` object, or null outside a slate.
    public let slate: Value
    /// The parameters in force on `asOf`.
    public let params: Value

    public init(evaluator: Evaluator, asOf: CivilDate, language: String = "en", slate: Value = .null, params: Value? = nil) {
        self.evaluator = evaluator
        self.asOf = asOf
        self.language = language
        self.slate = slate
        self.params = params ?? evaluator.context.paramsOn(asOf)
    }

    /// The report entry of `load`, and the dossier when it is valid.
    public func result(of load: DossierLoad, file: String) -> (CandidateResult, Dossier?) {
        switch load {
        case .invalid(let digest, let id, let name, let diagnostics):
            let result = CandidateResult(
                file: file, digest: digest, id: id, name: name, verdict: .invalid, findings: [], errors: diagnostics)
            return (result, nil)
        case .loaded(let dossier, let warnings):
            let findings = evaluator.evaluate(
                dossier: dossier.value, asOf: asOf, language: language, slate: slate, params: params)
            let result = CandidateResult(
                file: file, digest: dossier.digest, id: dossier.id, name: dossier.name,
                verdict: VerdictPolicy.verdict(valid: true, findings: findings), findings: findings, errors: warnings)
            return (result, dossier)
        }
    }
}
