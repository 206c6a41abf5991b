import Diagnostics
import Reports
import RuleEngine

/// Receives candidate results in input order and writes the reports at the end. Streams
/// JSON Lines as results arrive when every destination is `jsonl`, so that a screening of
/// 100,000 dossiers keeps no results in memory; otherwise keeps them to render each format.
/// With `--redact`, each candidate is redacted as it arrives, with one pseudonym table for
/// the whole report, so streamed and rendered reports hide the same values the same way.
/// Slate findings come after the last candidate, a part at a time (`addSlateFindings`), and
/// are streamed one by one too: the slate line of JSON Lines is never whole in memory.
/// Streamed lines are gathered as UTF-8 in one buffer, no `String` per line, and handed on
/// about `streamChunkBytes` at a time when only files receive them (a file appears whole, at
/// its commit); a candidate at a time when standard output does, where someone may be reading.
public final class ReportSink {
    /// How many bytes of streamed JSON Lines are gathered before they are written to files.
    public static let streamChunkBytes = 64 * 1024
    /// `streamChunkBytes`, or 1 (every line) when a destination is read while written.
    private let chunkBytes: Int
    private let destinations: [any ReportOutput]
    private let options: ReportOptions
    private var writers: [any ReportWriter] = []
    private var collected: [CandidateResult] = []
    /// The slate findings taken so far, when the reports are rendered at the end.
    private var slateFindings: [Finding] = []
    /// The slate's file and committee, which start the streamed slate line.
    private let slate: Report.SlateInfo
    /// Whether the streamed slate line has been started (with its first finding).
    private var slateStarted = false
    public private(set) var summary = Report.Summary()
    private var redactor: Redactor?
    public let streams: Bool
    /// Streamed lines not yet handed to the writers.
    private var pending = JSONWriter()

    /// `header` is the report without candidates; a streamed report starts with its run line.
    /// `redaction` is nil without `--redact`, else the id key (nil without `--redact-key`).
    public init(
        destinations: [any ReportOutput], header: Report, options: ReportOptions, redaction: [UInt8]?? = nil
    ) throws(CLIError) {
        self.destinations = destinations
        self.options = options
        self.redactor = redaction.map { Redactor(idKey: $0) }
        self.streams = destinations.allSatisfy { $0.format == .jsonl }
        self.chunkBytes = destinations.contains { $0.isReadWhileWritten } ? 1 : Self.streamChunkBytes
        self.slate = Report.SlateInfo(file: header.slate.file, committee: header.slate.committee)
        if streams {
            for destination in destinations { writers.append(try destination.open()) }
            pending.raw(JSONReporter.runLine(header))
            if pending.byteCount >= chunkBytes { try flush() }
        }
    }

    /// Takes the next candidate, in input order.
    public func add(_ result: CandidateResult, sensitive: [SensitiveValue] = []) throws(CLIError) {
        if let redacted = redactor?.redact(result, sensitive: sensitive) {
            try take(redacted)
        } else {
            try take(result)  // not `redact(…) ?? result`, which copies the result (a retain per field)
        }
    }

    /// Counts `result` in the summary and streams or keeps it.
    private func take(_ result: CandidateResult) throws(CLIError) {
        summary.candidates += 1
        summary.add(result.verdict)
        summary.cleared += result.findings.count { $0.isCleared }
        if streams {
            JSONReporter.writeCandidateLine(result, to: &pending)
            if pending.byteCount >= chunkBytes { try flush() }
        } else {
            collected.append(result)
        }
    }

    /// Takes the next slate findings, in report order, after the last candidate (reviewed,
    /// not yet redacted): written to JSON Lines one at a time, kept for the other formats.
    public func addSlateFindings(_ findings: [Finding]) throws(CLIError) {
        let findings = redactor?.redact(slateFindings: findings) ?? findings
        summary.slateFindings += findings.count
        summary.cleared += findings.count { $0.isCleared }
        guard streams else {
            slateFindings += findings
            return
        }
        guard !findings.isEmpty else { return }
        var text = slateStarted ? "" : JSONReporter.slateLineStart(slate)
        for (index, finding) in findings.enumerated() {
            text += JSONReporter.slateLineFinding(finding, first: !slateStarted && index == 0)
        }
        slateStarted = true
        pending.raw(text)
        if pending.byteCount >= chunkBytes { try flush() }
    }

    /// Hands the gathered lines to every writer.
    private func flush() throws(CLIError) {
        guard pending.byteCount > 0 else { return }
        let bytes = pending.utf8
        for writer in writers { try writer.write(utf8: bytes) }
        pending.removeAll()
    }

    /// Writes the end of the reports (or the whole reports) and commits every file. Slate
    /// findings in `header` are taken as the last ones (`addSlateFindings`).
    public func finish(_ header: Report) throws(CLIError) {
        if !header.slate.findings.isEmpty { try addSlateFindings(header.slate.findings) }
        var report = header
        report.slate.findings = slateFindings
        if let decisions = report.decisions, let redacted = redactor?.redact(decisions) { report.decisions = redacted }
        if streams {
            pending.raw(slateStarted ? JSONReporter.slateLineEnd : JSONReporter.slateLine(report.slate))
            if let decisions = report.decisions { pending.raw(JSONReporter.decisionsLine(decisions)) }
            if let baseline = report.baseline { pending.raw(JSONReporter.baselineLine(baseline)) }
            pending.raw(JSONReporter.summaryLine(summary))
            try flush()
        } else {
            report.candidates = collected
            report.summary = summary
            for destination in destinations {
                if let capture = destination as? ReportCapture {
                    capture.keep(report)
                    continue
                }
                let writer = try destination.open()
                try writer.write(report.rendered(as: destination.format, options: options))
                try writer.commit()
            }
            return
        }
        for writer in writers { try writer.commit() }
    }

    /// Leaves every target file as it was; standard output gets the lines gathered so far,
    /// as it would have line by line.
    public func abandon() {
        try? flush()
        for writer in writers { writer.discard() }
    }
}
