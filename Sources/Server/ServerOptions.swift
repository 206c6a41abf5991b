import CEL
import YAML

/// How `appraise serve` runs (`serve.md`): where it listens, what it reads, who may call it,
/// and the limits that keep one client from exhausting it.
public struct ServerOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var rulePaths: [String] = []
    /// A folder of slates and dossiers for the workspace endpoints; nil without `--workspace`.
    public var workspace: String?
    /// Nil: no tokens, every request has every role (allowed on loopback only).
    public var tokens: TokenStore?
    public var auditLogPath: String?
    /// Seconds a web app session lasts without a request, and at most after sign-in
    /// (`docs/serve.md`, "Logging in when the server has tokens").
    public var sessionIdleSeconds = 8 * 3600.0
    public var sessionAbsoluteSeconds = 12 * 3600.0
    /// Whether the session cookie carries `Secure` (`--secure-cookie`): for browsers that reach
    /// the server over HTTPS, through a TLS proxy in front of it.
    public var secureCookie = false
    /// Seconds a failed sign-in waits before its answer, to slow down guessing.
    public var loginFailureDelay = 1.0
    /// Largest request body (`--max-body-bytes`), by default the CLI's file limit.
    public var maxBodyBytes = YAMLLimits.default.maxFileBytes
    /// The YAML limits of the CLI.
    public var limits = YAMLLimits.default
    /// The step and byte budget of each rule evaluation, as `--max-eval-steps` and
    /// `--max-eval-bytes` give `check` and `screen` (issue 17): the same for every request.
    public var evaluationLimits = EvaluationLimits.default
    /// Seconds a request may take before it answers 503 (`--request-timeout`).
    public var requestTimeout = 30.0
    /// Seconds a client has to send a whole request head, from the connection's start or its
    /// previous answer; then the connection is closed (slow headers).
    public var headerTimeout = 10.0
    /// Evaluations at once (`--max-concurrent`), default two per core.
    public var maxConcurrent = 2
    /// Evaluations that may wait for a slot before 503 with `Retry-After`.
    public var maxWaiting = 64
    public var toolVersion: String

    public init(toolVersion: String) { self.toolVersion = toolVersion }

    /// Whether `host` is a loopback address, where running without tokens is allowed.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
