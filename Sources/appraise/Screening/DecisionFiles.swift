import Diagnostics
import RuleEngine
import Screening
import YAML

/// Reads the decisions files of a run (`--decisions` and the slate's `decisions:`), prints
/// every problem with its location, and refuses the run (exit 2) when any is an error: a
/// decisions file that does not validate must never clear anything.
enum DecisionFiles {
    static func load(
        _ paths: [String], schema: Schema, ruleSet: RuleSet, limits: LimitOptions, printer: DiagnosticPrinter
    ) throws(CLIError) -> DecisionLedger? {
        var documents: [(name: String, bytes: [UInt8])] = []
        for path in paths {
            switch FileReader.read(path, limit: limits.maxFileBytes) {
            case .success(let read): documents.append((path, read))
            case .failure(let failure): throw CLIError.io(path: path, reason: failure.message)
            }
        }
        let loaded = DecisionDocuments.load(documents, schema: schema, ruleSet: ruleSet, limits: limits.yamlLimits)
        printer.printAll(loaded.diagnostics)
        if let refused = loaded.refused { throw CLIError.inputInvalid(refused) }
        return loaded.ledger
    }
}
