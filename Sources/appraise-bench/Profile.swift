import ArgumentParser
import CEL
import RuleEngine
import Screening
import YAML

/// `appraise-bench profile STAGE DIR`: runs one stage over the first `--count` dossiers on one
/// thread and prints nothing but a checksum, so that `valgrind --tool=callgrind` (instruction
/// counts) and `valgrind --tool=memcheck` (malloc counts) measure that stage alone. Run it at
/// two counts and divide the difference by the extra dossiers to leave process start out
/// (`scripts/profile-stages.sh` does that).
struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one stage on one thread, for callgrind and malloc counts.")

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        /// Read + libyaml events (`YAMLEventScanner.countEvents`).
        case floor
        /// Read + `DossierLoader.load` (schema typing from libyaml events, digest).
        case load
        /// `load` plus the candidate rules.
        case rules
    }

    @Argument(help: "floor, load or rules.") var stage: Stage
    @Argument(help: "A folder of dossiers (see `generate`).") var folder: String
    @Option(help: "How many dossiers of the folder (sorted) to run.") var count: Int = 100
    @Option(help: "The rule folder.") var rules: String = "rules"
    @Option(name: .customLong("as-of"), help: "Evaluation date.") var asOf: String = "2025-09-20"
    @Option(help: "With `rules`: run only this candidate rule (repeatable), to see what one rule costs.")
    var rule: [String] = []
    @Flag(help: "Print the ids of the candidate rules, one per line, and stop.") var listRules = false

    func run() throws {
        let files = Array(try BenchFile.yamlFiles(in: folder).prefix(count))
        let ruleSet = RuleSetLoader.load(paths: [rules], shipped: rules, fileSystem: DiskFileSystem())
        let prepared = PreparedRuleSet.prepare(ruleSet)
        guard !prepared.hasErrors, let schema = prepared.schema, let context = prepared.context,
            let date = CivilDate(iso: asOf)
        else { throw ValidationError("the rules in \(rules) do not load, or bad --as-of") }
        let params = context.paramsOn(date)
        if listRules {
            for compiled in prepared.compiled.candidateRules { print(compiled.rule.id) }
            return
        }
        var compiled = prepared.compiled
        if !rule.isEmpty {
            let unknown = Set(rule).subtracting(compiled.candidateRules.map { $0.rule.id })
            guard unknown.isEmpty else { throw ValidationError("no candidate rule \(unknown.sorted().joined(separator: ", "))") }
            compiled.rules = compiled.rules.filter { rule.contains($0.rule.id) }
        }
        let evaluator = Evaluator(ruleSet: compiled, context: context)
        var checksum = 0
        for file in files {
            guard let data = BenchFile.read(file) else { continue }
            switch stage {
            case .floor:
                if case .success(let events) = data.withUnsafeBytes({ YAMLEventScanner.countEvents(bytes: $0) }) {
                    checksum &+= events
                }
            case .load, .rules:
                guard case .loaded(let dossier, _) = DossierLoader.load(bytes: data, file: file, schema: schema)
                else { continue }
                checksum &+= 1
                if stage == .rules {
                    checksum &+= evaluator.evaluate(dossier: dossier.value, asOf: date, params: params).count
                }
            }
        }
        print("\(stage.rawValue): \(files.count) dossiers, checksum \(checksum)")
    }
}
