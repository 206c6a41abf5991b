import CEL
import Diagnostics
import Reports
import RuleEngine

/// The common body of `check` and `screen`: candidate rules on every file in parallel,
/// results in input order, then slate rules over the valid dossiers, then the reports and
/// the exit status (`cli.md`, exit codes; `details.md` §19).
struct ScreeningRun {
    /// The dossiers' names: paths to read, or the names of `documents`.
    var files: PathList
    /// The bytes of each of `files` when the caller holds them (the server); nil to read files.
    var documents: [[UInt8]]?
    var screener: DossierScreener
    var jobs: Int
    /// Slate rules to run after the candidates; nil for `check`.
    var slateEvaluator: SlateEvaluator?
    var slateLocation: FindingLocation?
    /// Where the slate rules' records go as the candidates are screened.
    var slateRecords: SlateCollector?
    var failOn: FailOn
    /// Shown the progress and the skipped slate files; nil shows nothing.
    var observer: (any ScreeningObserver)?
    /// Review decisions, applied to each candidate's findings before any report sees them.
    var decisions: DecisionLedger?
    /// The earlier report (`--baseline`) each finding is compared with.
    var baseline: BaselineReport?
    /// `check` takes dossiers only: a slate file among its files is an error naming `screen`,
    /// not a note (`screen DIR` skips it, `details.md` §4).
    var slateFileIsError = false

    /// Screens, writes every report through `sink`, and returns the exit status.
    func run(header: Report, sink: ReportSink) throws(CLIError) -> ExitStatus {
        var status = ExitStatus.clean
        let collector = slateRecords
        // Where each id was first used: 8 bytes a slot, the file being files[index].
        var firstUse = FirstUseTable(capacity: files.count)
        var failure: CLIError?
        var evaluated = 0
        let observer = self.observer
        observer?.started(total: files.count)
        let screener = self.screener
        let files = self.files
        let documents = self.documents
        let screen = Self.screening(with: screener, files: files, documents: documents)
        // Each worker but the first screens with its own replica of the rules when it has
        // enough dossiers to repay preparing it (`DossierScreener.replica()`).
        let replicas = files.count >= jobs * Self.dossiersPerReplica
        let makeWork: @Sendable (Int) -> (Int) -> ScreenedDossier = { worker in
            guard worker > 0 && replicas else { return screen }
            return Self.screening(with: screener.replica(), files: files, documents: documents)
        }
        let queue = OrderedWorkQueue(count: files.count, jobs: jobs, makeWork: makeWork)
        let asOf = screener.screening.asOf.description
        var ledger = decisions
        var comparison = baseline.map { BaselineComparison(baseline: $0.findings) }
        queue.run { index, screened in
            observer?.advanced()
            guard failure == nil else { return }
            if screened.isSlateFile {
                let file = WithheldPath.shown(screened.result.file, redact: screener.redact)
                if slateFileIsError && screened.skippedFormat == "slate/1" {
                    failure = .usage(
                        "\(file) is a slate file (format slate/1), not a dossier; to screen it, run `appraise screen \(file)`")
                    return
                }
                observer?.skippedFile(file, format: screened.skippedFormat)
                return
            }
            var screened = screened
            if let id = screened.result.id, screened.result.verdict != .invalid {
                if let first = Self.firstUse(of: id, among: firstUse.positions(sharingHashWith: id), screen: screen) {
                    screened = Self.duplicate(screened, id: id, first: first)
                } else {
                    firstUse.insert(id, position: index)
                }
            }
            if screened.result.verdict != .invalid {
                let problems = review(&screened.result.findings, ledger: &ledger, comparison: &comparison, asOf: asOf)
                if !problems.isEmpty { status = .badInput }
                screened.result.verdict = VerdictPolicy.verdict(valid: true, findings: screened.result.findings)
            }
            evaluated += 1
            status = max(status, exitStatus(of: screened.result))
            if let entry = screened.slateEntry, screened.result.verdict != .invalid {
                collector?.add(entry, file: screened.result.file)
            }
            do throws(CLIError) { try sink.add(screened.result, sensitive: screened.sensitive) } catch { failure = error }
        }
        observer?.finished()
        if failure == nil, evaluated == 0 {
            // Nothing screened is never clean: an empty folder or slate would otherwise pass.
            failure = .usage("no dossier was screened: \(files.isEmpty ? "no files were found" : "every file was a slate file")")
        }
        if let failure {
            sink.abandon()
            throw failure
        }
        var report = header
        if let slateEvaluator, let collector {
            // The slate findings wait in sorted runs on disk and reach the reports in report
            // order, reviewed, a part at a time: however many there are, they are never all
            // in memory (`docs/performance.md`, "Memory").
            let sorter = FindingSorter()
            slateEvaluator.evaluate(
                candidates: collector.candidates(jobs: jobs), slate: screener.screening.slate, slateLocation: slateLocation,
                asOf: screener.screening.asOf, language: screener.screening.language, params: screener.screening.params,
                into: sorter)
            var sorted = sorter.sorted()
            var part: [Finding] = []
            var more = true
            while more {
                if let finding = sorted.next() { part.append(finding) } else { more = false }
                guard part.count == Self.slateFindingsPerPart || (!more && !part.isEmpty) else { continue }
                if !review(&part, ledger: &ledger, comparison: &comparison, asOf: asOf).isEmpty { status = .badInput }
                status = max(status, exitStatus(of: part))
                try sink.addSlateFindings(part)
                part.removeAll(keepingCapacity: true)
            }
            if sorted.failed {
                // Findings are missing: no report may look complete.
                sink.abandon()
                throw .io(path: "slate findings", reason: "they could not be read back from their temporary file")
            }
        }
        if let ledger {
            report.decisions = Report.DecisionsInfo(
                count: ledger.decisions.count, digest: ledger.digest, notices: ledger.notices)
        }
        if let baseline, let comparison {
            report.baseline = Report.BaselineInfo(file: baseline.path, absent: comparison.absent)
        }
        try sink.finish(report)
        return status
    }

    /// Screens `files[index]` (or `documents[index]`) with `screener`.
    private static func screening(
        with screener: DossierScreener, files: PathList, documents: [[UInt8]]?
    ) -> @Sendable (Int) -> ScreenedDossier {
        // A cancelled run (the server's request passed its timeout; nobody reads the report) skips
        // the dossiers not yet started instead of screening them.
        let cancellation = screener.screening.evaluator.limits.cancellation
        return { index in
            if cancellation?.isCancelled == true { return ScreenedDossier.cancelled(files[index]) }
            return documents.map { screener.screen(bytes: $0[index], file: files[index]) } ?? screener.screen(files[index])
        }
    }

    /// Dossiers a worker must have before it prepares its own replica of the rules: preparing
    /// the shipped rules takes about 5 ms, what 5% of 256 dossiers' screening takes.
    static let dossiersPerReplica = 256

    /// Slate findings reviewed and handed to the reports at a time.
    private static let slateFindingsPerPart = 256

    private func exitStatus(of result: CandidateResult) -> ExitStatus {
        if result.verdict == .invalid || result.errors.contains(where: { $0.severity == .error }) { return .badInput }
        return exitStatus(of: result.findings)
    }

    private func exitStatus(of findings: [Finding]) -> ExitStatus {
        let threshold: Int
        switch failOn {
        case .review: threshold = 1
        case .disqualify: threshold = 2
        case .never: return .clean
        }
        return findings.contains { !$0.isCleared && $0.severity.weight >= threshold } ? .findings : .clean
    }

    /// Applies the decisions and the baseline to findings; shows the observer and returns the
    /// problems (a decision on a rule error finding), which make the exit status 2.
    private func review(
        _ findings: inout [Finding], ledger: inout DecisionLedger?, comparison: inout BaselineComparison?, asOf: String
    ) -> [Diagnostic] {
        let problems = ledger?.apply(to: &findings, asOf: asOf) ?? []
        comparison?.mark(&findings)
        if !problems.isEmpty { observer?.problems(problems) }
        return problems
    }

    /// A second dossier with an id already seen: an input error naming both files, never a finding.
    private static func duplicate(_ screened: ScreenedDossier, id: String, first: SourceLocation) -> ScreenedDossier {
        var result = screened.result
        let firstFile = first.file
        let location = screened.idLocation ?? SourceLocation(file: result.file, line: 1, column: 1)
        result.errors.append(Diagnostic(
            code: "input.duplicate-id",
            message: "candidate id '\(id)' is also used by \(firstFile); ids must be unique on a slate",
            location: location, path: "candidate.id",
            notes: [Diagnostic.Note("first used here", at: first)]))
        result.verdict = .invalid
        result.findings = []
        return ScreenedDossier(result: result, sensitive: screened.sensitive)
    }

    /// Where `id` was first used among the earlier candidates at `positions` (those whose id
    /// hashes alike), each screened again to read its id: nil when none uses it.
    private static func firstUse(of id: String, among positions: [Int], screen: (Int) -> ScreenedDossier) -> SourceLocation? {
        for position in positions {
            let earlier = screen(position)
            guard earlier.result.id == id, earlier.result.verdict != .invalid else { continue }
            return earlier.idLocation ?? SourceLocation(file: earlier.result.file, line: 1, column: 1)
        }
        return nil
    }

    static func idLocation(_ dossier: ObjectValue) -> SourceLocation? {
        guard let candidate = dossier.field("candidate")?.objectValue, let slot = candidate.type.slot(of: "id") else {
            return nil
        }
        return candidate.origin(ofField: slot)?.location
    }
}
