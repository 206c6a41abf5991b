import Diagnostics
import RuleEngine
import YAML

/// Reads the decisions files of a run (`--decisions` and the slate's `decisions:`), prints
/// every problem with its location, and refuses the run (exit 2) when any is an error: a
/// decisions file that does not validate must never clear anything.
enum DecisionFiles {
    static func load(
        _ paths: [String], schema: Schema, ruleSet: RuleSet, limits: LimitOptions, printer: DiagnosticPrinter
    ) throws(CLIError) -> DecisionLedger? {
        guard !paths.isEmpty else { return nil }
        var decisions: [ReviewDecision] = []
        var problems: [Diagnostic] = []
        var hashed: [(String, [UInt8])] = []
        var failed: String?
        for path in paths {
            let bytes: [UInt8]
            switch FileReader.read(path, limit: limits.maxFileBytes) {
            case .success(let read): bytes = read
            case .failure(let failure): throw CLIError.io(path: path, reason: failure.message)
            }
            // By file name, so that the digest does not depend on the working folder.
            hashed.append((path.split(separator: "/").last.map(String.init) ?? path, bytes))
            let (loaded, diagnostics) = DecisionsLoader.load(
                bytes: bytes, file: path, schema: schema, limits: limits.yamlLimits)
            problems += diagnostics
            if let loaded { decisions += loaded } else if failed == nil { failed = path }
        }
        let severities = Dictionary(ruleSet.rules.map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        let checks = DecisionsLoader.check(decisions, severity: { severities[$0] })
        problems += checks
        printer.printAll(problems)
        if let failed { throw CLIError.inputInvalid(failed) }
        if let first = checks.first(where: { $0.severity == .error }) {
            throw CLIError.inputInvalid(first.location?.file ?? paths[0])
        }
        return DecisionLedger(decisions: decisions, digest: RuleSetLoader.digest(of: hashed))
    }
}
