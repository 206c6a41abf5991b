import ArgumentParser
import YAML
import Screening

/// The rule files `rules lint` and `rules test` work on, and the size limit for reading them.
struct RuleFileOptions: ParsableArguments {
    @Option(help: "Largest rule file, in bytes.")
    var maxFileBytes: Int = YAMLLimits.default.maxFileBytes

    @Flag(help: "Accept a rule set with no rules.")
    var allowEmptyRules = false

    @Argument(help: "Rule folders or files (default: the shipped rules/).")
    var paths: [String] = []

    /// The empty-rule-set check of `rules lint` and `rules test`.
    var emptyRules: RuleSetSession.EmptyRules { .checked(allowed: allowEmptyRules, screening: false) }
}
