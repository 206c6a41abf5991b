import CEL
import YAML

/// How a screening runs and reports, read by the CLI from its options and by the server from a
/// request's query.
public struct ScreeningOptions: Sendable {
    /// The `--as-of` / `as_of` text, checked by `EvaluationDate.parse`; nil for the default date.
    public var asOf: String?
    public var language: Language = .en
    public var explain = false
    public var redact = false
    /// The HMAC key of candidate-id pseudonyms (`--redact-key`); nil for per-report pseudonyms.
    /// Only read when `redact` is on.
    public var redactKey: [UInt8]?
    /// ANSI colors in text reports.
    public var color = false
    public var strict = false
    public var limits = YAMLLimits.default
    /// The step and byte budget of each rule evaluation (`--max-eval-steps`, `--max-eval-bytes`).
    public var evaluationLimits = EvaluationLimits.default
    /// Worker threads; nil for the number of cores.
    public var jobs: Int?
    public var failOn: FailOn = .review
    /// The version the report's header names.
    public var toolVersion: String

    public init(toolVersion: String) { self.toolVersion = toolVersion }
}
