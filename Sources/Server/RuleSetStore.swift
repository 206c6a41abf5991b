#if canImport(Glibc)
import Glibc
#endif
import Diagnostics
import RuleEngine
import Screening
import Synchronization

/// A rule set compiled and ready to screen with.
public struct LoadedRules: Sendable {
    public let session: RuleSetSession
    public let schema: Schema
    public let context: RuleContext

    public init(session: RuleSetSession, schema: Schema, context: RuleContext) {
        self.session = session
        self.schema = schema
        self.context = context
    }

    /// `sha256:` of the schema file, for `/v1/version`.
    public var schemaDigest: String? { session.prepared.ruleSet.schema.map { sha256Digest($0.bytes) } }
}

/// The rule set compiled once per report language: rule messages format amounts and dates in
/// the language they are compiled for, as `--lang` does in the CLI.
public struct RuleSetSnapshot: Sendable {
    let byLanguage: [Language: LoadedRules]
    /// The setups of `POST /v1/check` made so far with these rules.
    let checkSetups = CheckSetupCache()

    public func rules(_ language: Language) -> LoadedRules { byLanguage[language] ?? byLanguage[.en]! }
}

/// Keeps the compiled rule set in memory and reloads it when a rule, schema or calendar file
/// changes. Requests take the current set and keep it for their whole run, so a reload never
/// drops or mixes a request; a broken edit keeps the last good set and says why.
public final class RuleSetStore: Sendable {
    struct State {
        var current: RuleSetSnapshot
        var fingerprint: [String]
        /// Why the newest files were not taken; nil when the current set is the newest.
        var reloadError: String?
    }

    private let paths: [String]
    private let maxFileBytes: Int
    private let state: Mutex<State>

    /// Loads and compiles the rule set in every language; fails when it has errors (the server
    /// does not start on broken rules).
    public init(paths: [String], maxFileBytes: Int) throws(CLIError) {
        self.paths = paths
        self.maxFileBytes = maxFileBytes
        let fingerprint = Self.fingerprint(of: paths)
        switch Self.load(paths: paths, maxFileBytes: maxFileBytes) {
        case .success(let snapshot): state = Mutex(State(current: snapshot, fingerprint: fingerprint))
        case .failure(let failure): throw CLIError.usage(failure.message)
        }
    }

    public var current: RuleSetSnapshot { state.withLock { $0.current } }
    public var reloadError: String? { state.withLock { $0.reloadError } }

    /// Reloads when a file changed since the last look; returns the reason a reload failed.
    @discardableResult
    public func reloadIfChanged() -> String? {
        let fingerprint = Self.fingerprint(of: paths)
        guard fingerprint != state.withLock({ $0.fingerprint }) else { return nil }
        let result = Self.load(paths: paths, maxFileBytes: maxFileBytes)
        return state.withLock { state in
            state.fingerprint = fingerprint
            switch result {
            case .success(let loaded):
                state.current = loaded
                state.reloadError = nil
            case .failure(let reason):
                state.reloadError = reason.message
            }
            return state.reloadError
        }
    }

    struct LoadFailure: Error {
        var message: String
    }

    private static func load(paths: [String], maxFileBytes: Int) -> Result<RuleSetSnapshot, LoadFailure> {
        var byLanguage: [Language: LoadedRules] = [:]
        for language in Language.allCases {
            do {
                let session = try RuleSetSession.load(
                    paths: paths, maxFileBytes: maxFileBytes, language: language,
                    emptyRules: .checked(allowed: false, screening: true))
                guard !session.prepared.hasErrors else {
                    let errors = session.prepared.diagnostics.filter { $0.severity == .error }
                    let first = errors.first.map { "; first: \($0.description)" } ?? ""
                    return .failure(LoadFailure(message: "the rule set has \(errors.count) error(s)\(first)"))
                }
                let (schema, context) = try session.forScreening()
                byLanguage[language] = LoadedRules(session: session, schema: schema, context: context)
            } catch {
                return .failure(LoadFailure(message: error.description))
            }
        }
        return .success(RuleSetSnapshot(byLanguage: byLanguage))
    }

    /// Path, size and modification time of every file under the rule paths (or the shipped
    /// rules): any edit, addition or removal changes it.
    static func fingerprint(of paths: [String]) -> [String] {
        var roots = paths
        if let shipped = RuleSetLocator.shippedRules() { roots.append(shipped) }
        var lines: [String] = []
        for root in roots {
            var pending = [root]
            while let path = pending.popLast() {
                var info = stat()
                guard stat(path, &info) == 0 else {
                    lines.append(path + " missing")
                    continue
                }
                if info.st_mode & S_IFMT == S_IFDIR {
                    for name in DossierFinder.entries(of: path) ?? [] where !name.hasPrefix(".") {
                        pending.append(path + "/" + name)
                    }
                } else {
                    lines.append("\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
                }
            }
        }
        return lines.sorted()
    }
}
