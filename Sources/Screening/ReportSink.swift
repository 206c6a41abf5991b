import Reports
import RuleEngine

/// Receives candidate results in input order and writes the reports at the end. Streams
/// JSON Lines as results arrive when every destination is `jsonl`, so that a screening of
/// 100,000 dossiers keeps no results in memory; otherwise keeps them to render each format.
/// With `--redact`, each candidate is redacted as it arrives, with one pseudonym table for
/// the whole report, so streamed and rendered reports hide the same values the same way.
public final class ReportSink {
    private let destinations: [any ReportOutput]
    private let options: ReportOptions
    private var writers: [any ReportWriter] = []
    private var collected: [CandidateResult] = []
    public private(set) var summary = Report.Summary()
    private var redactor: Redactor?
    public let streams: Bool

    /// `header` is the report without candidates; a streamed report starts with its run line.
    /// `redaction` is nil without `--redact`, else the id key (nil without `--redact-key`).
    public init(
        destinations: [any ReportOutput], header: Report, options: ReportOptions, redaction: [UInt8]?? = nil
    ) throws(CLIError) {
        self.destinations = destinations
        self.options = options
        self.redactor = redaction.map { Redactor(idKey: $0) }
        self.streams = destinations.allSatisfy { $0.format == .jsonl }
        if streams {
            for destination in destinations { writers.append(try destination.open()) }
            let line = JSONReporter.runLine(header)
            for writer in writers { try writer.write(line) }
        }
    }

    /// Takes the next candidate, in input order.
    public func add(_ result: CandidateResult, sensitive: [SensitiveValue] = []) throws(CLIError) {
        let result = redactor?.redact(result, sensitive: sensitive) ?? result
        summary.candidates += 1
        summary.add(result.verdict)
        summary.cleared += result.findings.count { $0.isCleared }
        if streams {
            let line = JSONReporter.candidateLine(result)
            for writer in writers { try writer.write(line) }
        } else {
            collected.append(result)
        }
    }

    /// Writes the end of the reports (or the whole reports) and commits every file.
    public func finish(_ header: Report) throws(CLIError) {
        var report = header
        if let slate = redactor?.redact(report.slate) { report.slate = slate }
        if let decisions = report.decisions, let redacted = redactor?.redact(decisions) { report.decisions = redacted }
        summary.slateFindings = report.slate.findings.count
        summary.cleared += report.slate.findings.count { $0.isCleared }
        if streams {
            for writer in writers {
                try writer.write(JSONReporter.slateLine(report.slate))
                if let decisions = report.decisions { try writer.write(JSONReporter.decisionsLine(decisions)) }
                if let baseline = report.baseline { try writer.write(JSONReporter.baselineLine(baseline)) }
                try writer.write(JSONReporter.summaryLine(summary))
            }
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

    /// Leaves every target file as it was.
    public func abandon() {
        for writer in writers { writer.discard() }
    }
}
