import ArgumentParser
import CEL
import YAML
import Screening

/// Limits against hostile input. The defaults are far above any real dossier; the error that
/// a limit gives names the option that raises it.
struct LimitOptions: ParsableArguments {
    @Option(help: "Largest input file, in bytes.")
    var maxFileBytes: Int = YAMLLimits.default.maxFileBytes

    @Option(help: "Deepest nesting of lists and mappings.")
    var maxDepth: Int = YAMLLimits.default.maxDepth

    @Option(help: "Most nodes that YAML aliases may expand to, per file.")
    var maxAliasNodes: Int = YAMLLimits.default.maxAliasNodes

    @Option(help: "Longest single value (scalar), in bytes.")
    var maxScalarBytes: Int = YAMLLimits.default.maxScalarBytes

    @Option(help: "Most entries in one list or mapping.")
    var maxCollectionCount: Int = YAMLLimits.default.maxCollectionCount

    @OptionGroup var evaluation: EvaluationLimitOptions

    func validate() throws {
        for (name, value) in [
            ("--max-file-bytes", maxFileBytes), ("--max-depth", maxDepth), ("--max-alias-nodes", maxAliasNodes),
            ("--max-scalar-bytes", maxScalarBytes), ("--max-collection-count", maxCollectionCount),
        ] where value < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
    }

    /// The cost budget of each rule evaluation.
    var evaluationLimits: EvaluationLimits { evaluation.limits }

    /// The limits as the YAML loader takes them.
    var yamlLimits: YAMLLimits {
        var limits = YAMLLimits()
        limits.maxFileBytes = maxFileBytes
        limits.maxDepth = maxDepth
        limits.maxAliasNodes = maxAliasNodes
        limits.maxScalarBytes = maxScalarBytes
        limits.maxCollectionCount = maxCollectionCount
        return limits
    }
}

/// The cost budget of one evaluation, shared by `check`, `screen` and `eval`, so that an
/// expression tried in `eval` meets the limits it will meet in a screening.
struct EvaluationLimitOptions: ParsableArguments {
    @Option(help: "Most evaluation steps of one rule on one dossier (slate rules: per candidate).")
    var maxEvalSteps: Int = EvaluationLimits.default.maxSteps

    @Option(help: "Most bytes of values one rule may build on one dossier (slate rules: per candidate).")
    var maxEvalBytes: Int = EvaluationLimits.default.maxBytes

    func validate() throws {
        for (name, value) in [("--max-eval-steps", maxEvalSteps), ("--max-eval-bytes", maxEvalBytes)] where value < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
    }

    var limits: EvaluationLimits { EvaluationLimits(maxSteps: maxEvalSteps, maxBytes: maxEvalBytes) }
}
