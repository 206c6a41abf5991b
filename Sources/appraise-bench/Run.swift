#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import CEL
import Foundation
import RuleEngine
import Screening

/// `appraise-bench run DIR`: measures, over one folder of dossiers, the libyaml floor, loading
/// and validating, `appraise screen` end to end, a cold `appraise check`, rule compilation and
/// CEL evaluation, and prints them as a table with the ratio of `screen` to the floor.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure appraise against libyaml's parsing floor.")

    @Argument(help: "A folder of dossiers (see `generate`).") var folder: String
    @Option(help: "Threads for the all-cores stages (default: the number of cores).") var jobs: Int?
    @Option(help: "The rule folder.") var rules: String = "rules"
    @Option(help: "The appraise binary (default: next to appraise-bench).") var appraise: String?
    @Option(name: .customLong("as-of"), help: "Evaluation date.") var asOf: String = "2025-09-20"
    @Option(help: "Cold `check` runs (the median is printed).") var checkRuns: Int = 20
    @Flag(help: "Skip the `screen` subprocess.") var skipScreen = false
    @Option(help: "All-cores floor and `screen` runs taken in turn for the ratio; its median is the figure.")
    var pairs: Int = 3

    static let representative = [
        "DISC-STATE-BAR", "ASSET-INCOME-RATIO", "FAMILY-AGENCY-CONTRACT", "AGE-RE-ELECTION", "COMPLAINT-PENDING",
    ]

    func run() throws {
        let jobs = self.jobs ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let files = try BenchFile.yamlFiles(in: folder)
        guard !files.isEmpty else { throw ValidationError("no *.yaml files in \(folder)") }
        let ruleSet = RuleSetLoader.load(paths: [rules], shipped: rules, fileSystem: DiskFileSystem())
        let prepared = PreparedRuleSet.prepare(ruleSet)
        guard !prepared.hasErrors, let schema = prepared.schema, let context = prepared.context else {
            throw ValidationError("the rules in \(rules) do not load: \(prepared.diagnostics.first?.description ?? "")")
        }
        guard let date = CivilDate(iso: asOf) else { throw ValidationError("bad --as-of") }
        let params = context.paramsOn(date)
        // Warm the page cache so every stage reads from memory.
        let bytes = Parallel.sum(count: files.count, jobs: jobs) { BenchFile.read(files[$0])?.count ?? 0 }
        print("\(files.count) dossiers, \(BenchTable.fixed(Double(bytes) / 1e6, 1)) MB, \(jobs) jobs; every stage includes reading the files (page cache warm)")

        let stages = BenchStages(files: files, bytes: bytes)
        var rows: [BenchRow] = []
        let floor1 = stages.floor(jobs: 1)
        let floorN = stages.floor(jobs: jobs)
        rows += [floor1, floorN]
        let evaluator = Evaluator(ruleSet: prepared.compiled, context: context)
        rows.append(stages.load(jobs: jobs, prepared: prepared, rules: false, asOf: date))
        rows.append(stages.load(jobs: jobs, prepared: prepared, rules: true, asOf: date))
        var peakKiB = 0
        if !skipScreen {
            let (row, peak) = try screen(files: files, bytes: bytes, jobs: jobs)
            rows.append(row)
            peakKiB = peak
        }
        rows.append(try check(file: files[0]))
        // The process start alone, for scale: what of `check` is not ours to shorten.
        rows.append(try coldRuns("process start only (appraise --version)", bytes: 0, dossiers: 0, ["--version"]))
        let compile = RuleStages.compile(ruleSet, context: context, runs: 50)
        rows.append(BenchRow(stage: "prepare shipped rules (schema+calendar+compile)", jobs: "1", seconds: compile.prepare, bytes: 0, dossiers: 0, note: "median of 50"))
        rows.append(BenchRow(stage: "compile \(prepared.compiled.rules.count) shipped rules", jobs: "1", seconds: compile.compile, bytes: 0, dossiers: 0, note: "median of 50"))
        print(BenchTable.render(rows))
        if !skipScreen, let screen = rows.first(where: { $0.stage.hasPrefix("screen") }) {
            print("screen / all-cores floor: \(BenchTable.fixed(100 * floorN.seconds / screen.seconds, 1))% of the floor's throughput"
                + " (the rows above; target >= \(Self.targetText)); peak RSS of screen: \(BenchTable.fixed(Double(peakKiB) / 1024, 1)) MiB (target < 100 MiB)")
            try pairedRatio(stages: stages, files: files, bytes: bytes, jobs: jobs)
        }
        try evaluations(files: files, schema: schema, evaluator: evaluator, date: date, params: params)
    }

    private var appraiseBinary: String {
        appraise ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("appraise").path
    }

    /// `appraise screen DIR --format jsonl` as a child process: wall time and peak RSS.
    private func screen(files: [String], bytes: Int, jobs: Int) throws -> (BenchRow, Int) {
        let output = NSTemporaryDirectory() + "appraise-bench-\(getpid()).jsonl"
        defer { unlink(output) }
        guard let child = ChildRun.run([
            appraiseBinary, "screen", folder, "--rules", rules, "--as-of", asOf, "--format", "jsonl",
            "--output", output, "--jobs", "\(jobs)", "--fail-on", "never",
        ]) else { throw ValidationError("cannot run \(appraiseBinary)") }
        guard child.status == 0 else { throw ValidationError("appraise screen exited \(child.status)") }
        let row = BenchRow(stage: "screen DIR --format jsonl (process)", jobs: "\(jobs)", seconds: child.seconds,
                           bytes: bytes, dossiers: files.count,
                           note: "peak RSS \(BenchTable.fixed(Double(child.peakKiB) / 1024, 1)) MiB")
        return (row, child.peakKiB)
    }

    /// Issue 15's target: `screen` at this share of the all-cores floor's throughput or more.
    private static let targetPercent = 50.0
    private static let targetText = BenchTable.fixed(targetPercent, 0) + "%"

    /// The floor and `screen` run in turn, `pairs` times: each pair's ratio is taken seconds
    /// apart, so a drift of the machine's speed between the stages above (they run a minute
    /// apart at 100,000 dossiers) moves one pair, not the median.
    private func pairedRatio(stages: BenchStages, files: [String], bytes: Int, jobs: Int) throws {
        guard pairs > 0 else { return }
        var ratios: [Double] = []
        for _ in 0..<pairs {
            let floor = stages.floor(jobs: jobs)
            let (screen, _) = try screen(files: files, bytes: bytes, jobs: jobs)
            ratios.append(100 * floor.seconds / screen.seconds)
        }
        // How many pairs reach the target says how near the line the median sits.
        let reaching = ratios.filter { $0 >= Self.targetPercent }.count
        print("screen / all-cores floor, \(pairs) pairs run in turn: "
            + ratios.map { BenchTable.fixed($0, 1) + "%" }.joined(separator: ", ")
            + "; median \(BenchTable.fixed(Clock.median(ratios), 1))% (target >= \(Self.targetText); \(reaching) of \(pairs) pairs reach it)")
    }

    /// `appraise check FILE`, cold, whole process: the median of `checkRuns`.
    private func check(file: String) throws -> BenchRow {
        try coldRuns("check one dossier (process, cold)", bytes: BenchFile.read(file)?.count ?? 0, dossiers: 1, [
            "check", file, "--rules", rules, "--as-of", asOf, "--format", "json", "--fail-on", "never",
        ])
    }

    /// The median of `checkRuns` whole processes of `appraise ARGUMENTS...`.
    private func coldRuns(_ stage: String, bytes: Int, dossiers: Int, _ arguments: [String]) throws -> BenchRow {
        var times: [Double] = []
        var peak = 0
        for _ in 0..<max(1, checkRuns) {
            guard let child = ChildRun.run([appraiseBinary] + arguments) else { throw ValidationError("cannot run \(appraiseBinary)") }
            guard child.status == 0 else { throw ValidationError("appraise \(arguments[0]) exited \(child.status)") }
            times.append(child.seconds)
            peak = max(peak, child.peakKiB)
        }
        return BenchRow(stage: stage, jobs: "-", seconds: Clock.median(times), bytes: bytes, dossiers: dossiers,
                        note: "median of \(times.count); peak RSS \(BenchTable.fixed(Double(peak) / 1024, 1)) MiB")
    }

    /// CEL evaluations per second of representative rules over the first flagged dossier.
    private func evaluations(files: [String], schema: Schema, evaluator: Evaluator, date: CivilDate, params: Value) throws {
        var chosen: ObjectValue?
        for file in files.prefix(200) {
            guard let data = BenchFile.read(file), case .loaded(let dossier, _) = DossierLoader.load(bytes: data, file: file, schema: schema)
            else { continue }
            chosen = chosen ?? dossier.value
            if !evaluator.evaluate(dossier: dossier.value, asOf: date, params: params).isEmpty {
                chosen = dossier.value
                break
            }
        }
        guard let dossier = chosen else { throw ValidationError("no valid dossier to evaluate") }
        print("\nrule evaluations per second, one thread, over one flagged dossier (all for_each combinations, lets, when):")
        for id in Self.representative {
            guard let rule = evaluator.rules.first(where: { $0.rule.id == id }) else { continue }
            let (rate, findings) = RuleStages.evaluationsPerSecond(rule, evaluator: evaluator, dossier: dossier, asOf: date, params: params)
            print("  " + BenchTable.pad(id, 26) + BenchTable.pad(BenchTable.fixed(rate, 0), 12, right: true) + "/s  (\(findings) findings)")
        }
        var count = 0
        let seconds = Clock.time {
            while count < 2000 {
                _ = evaluator.evaluate(dossier: dossier, asOf: date, params: params)
                count += 1
            }
        }
        print("  " + BenchTable.pad("all \(evaluator.rules.count) candidate rules", 26)
            + BenchTable.pad(BenchTable.fixed(Double(count) / seconds, 0), 12, right: true) + "/s dossiers")
    }
}
