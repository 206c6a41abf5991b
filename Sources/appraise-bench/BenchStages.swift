import CEL
import Foundation
import RuleEngine
import YAML

/// The in-process stages of `appraise-bench run`. Every stage over the folder reads each file
/// itself (the page cache is warm), as `appraise screen` does, so all stages count the read.
struct BenchStages {
    let files: [String]
    let bytes: Int

    /// libyaml events only, no tree: the floor.
    func floor(jobs: Int) -> BenchRow {
        let files = self.files
        var total = 0
        let seconds = Clock.time {
            total = Parallel.sum(count: files.count, jobs: jobs) { index in
                guard let data = BenchFile.read(files[index]) else { return 0 }
                let events = data.withUnsafeBytes { YAMLEventScanner.countEvents(bytes: $0) }
                if case .success = events { return data.count }
                return 0
            }
        }
        return BenchRow(stage: "floor: read + libyaml events", jobs: "\(jobs)", seconds: seconds, bytes: total, dossiers: files.count)
    }

    /// Read, schema typing from libyaml's events (and the digest), as `screen` does before evaluating;
    /// with `rules`, the candidate rules too. Each job but the first works with its own replica
    /// of the prepared rules, as `screen`'s workers do (`DossierScreener.replica()`).
    func load(jobs: Int, prepared: PreparedRuleSet, rules: Bool, asOf: CivilDate) -> BenchRow {
        let files = self.files
        var valid = 0
        let seconds = Clock.time {
            valid = Parallel.sum(count: files.count, jobs: jobs, makeWork: { job in
                let own = job == 0 ? prepared : prepared.replica()
                guard let schema = own.schema, let context = own.context else { return { _ in 0 } }
                let evaluator = rules ? Evaluator(ruleSet: own.compiled, context: context) : nil
                let params = context.paramsOn(asOf)
                return { index in
                    guard let data = BenchFile.read(files[index]) else { return 0 }
                    guard case .loaded(let dossier, _) = DossierLoader.load(bytes: data, file: files[index], schema: schema)
                    else { return 0 }
                    _ = evaluator?.evaluate(dossier: dossier.value, asOf: asOf, params: params)
                    return 1
                }
            })
        }
        let stage = rules ? "load + validate + candidate rules" : "load + validate (events + schema typing)"
        return BenchRow(stage: stage, jobs: "\(jobs)", seconds: seconds, bytes: bytes, dossiers: files.count,
                        note: valid == files.count ? "" : "\(files.count - valid) not valid")
    }
}

/// Rule compilation and CEL evaluation, in process.
enum RuleStages {
    /// Median seconds of `PreparedRuleSet.prepare` (schema, calendar, parameters, every rule)
    /// and of `RuleCompiler.compile` alone.
    static func compile(_ ruleSet: RuleSet, context: RuleContext, runs: Int) -> (prepare: Double, compile: Double) {
        var prepare: [Double] = []
        var compile: [Double] = []
        for _ in 0..<runs {
            prepare.append(Clock.time { _ = PreparedRuleSet.prepare(ruleSet) })
            compile.append(Clock.time { _ = RuleCompiler.compile(ruleSet.rules, context: context) })
        }
        return (Clock.median(prepare), Clock.median(compile))
    }

    /// Evaluations per second of one rule over one dossier, for about `budget` seconds.
    static func evaluationsPerSecond(
        _ rule: CompiledRule, evaluator: Evaluator, dossier: ObjectValue, asOf: CivilDate, params: Value,
        budget: Double = 0.3
    ) -> (rate: Double, findings: Int) {
        var count = 0
        var findings = 0
        let start = Clock.now()
        var elapsed = 0.0
        while elapsed < budget {
            for _ in 0..<200 {
                findings = evaluator.evaluate(
                    rule, dossier: dossier, asOf: asOf, language: "en", slate: .null, params: params).count
            }
            count += 200
            elapsed = Clock.now() - start
        }
        return (Double(count) / elapsed, findings)
    }
}
