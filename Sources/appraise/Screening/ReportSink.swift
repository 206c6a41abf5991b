import Reports
import RuleEngine

/// Receives candidate results in input order and writes the reports at the end. Streams
/// JSON Lines as results arrive when every destination is `jsonl`, so that a screening of
/// 100,000 dossiers keeps no results in memory; otherwise keeps them to render each format.
final class ReportSink {
    private let destinations: [ReportDestination]
    private let options: ReportOptions
    private var writers: [DestinationWriter] = []
    private var collected: [CandidateResult] = []
    private(set) var summary = Report.Summary()
    let streams: Bool

    init(destinations: [ReportDestination], options: ReportOptions) throws(CLIError) {
        self.destinations = destinations
        self.options = options
        self.streams = destinations.allSatisfy { $0.format == .jsonl }
        if streams {
            for destination in destinations { writers.append(try DestinationWriter(destination)) }
        }
    }

    /// Takes the next candidate, in input order.
    func add(_ result: CandidateResult) throws(CLIError) {
        summary.candidates += 1
        summary.add(result.verdict)
        if streams {
            let line = JSONReporter.candidateLine(result)
            for writer in writers { try writer.write(line) }
        } else {
            collected.append(result)
        }
    }

    /// Writes the end of the reports (or the whole reports) and commits every file.
    func finish(_ header: Report) throws(CLIError) {
        var report = header
        summary.slateFindings = report.slate.findings.count
        if streams {
            for writer in writers {
                try writer.write(JSONReporter.slateLine(report.slate))
                try writer.write(JSONReporter.summaryLine(summary))
            }
        } else {
            report.candidates = collected
            report.summary = summary
            for destination in destinations {
                let writer = try DestinationWriter(destination)
                try writer.write(report.rendered(as: destination.format, options: options))
                try writer.commit()
            }
            return
        }
        for writer in writers { try writer.commit() }
    }

    /// Leaves every target file as it was.
    func abandon() {
        for writer in writers { writer.discard() }
    }
}
