import ArgumentParser
import YAML

/// The rule files `rules lint` and `rules test` work on, and the size limit for reading them.
struct RuleFileOptions: ParsableArguments {
    @Option(help: "Largest rule file, in bytes.")
    var maxFileBytes: Int = YAMLLimits.default.maxFileBytes

    @Argument(help: "Rule folders or files (default: the shipped rules/).")
    var paths: [String] = []
}
