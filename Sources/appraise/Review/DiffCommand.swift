import ArgumentParser
import Screening

/// `appraise diff OLD.json NEW.json`: what changed between two JSON reports (`decisions.md`,
/// Baselines and diffs).
struct DiffCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
        case markdown
    }

    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two JSON reports of the same slate.",
        discussion: "Exit 0 when nothing changed, 1 when something did, 2 when a report cannot be read."
    )

    @Argument(help: "The earlier JSON report.")
    var old: String

    @Argument(help: "The later JSON report.")
    var new: String

    @Option(help: "text (default), json or markdown.")
    var format: Format = .text

    @OptionGroup var limits: LimitOptions

    func run() throws {
        try ExitStatus.run { () throws(CLIError) -> ExitStatus in
            let diff = ReportDiff(
                old: try JSONReportFile.read(old, limit: limits.maxFileBytes),
                new: try JSONReportFile.read(new, limit: limits.maxFileBytes))
            switch format {
            case .text: Terminal.printOutput(diff.text())
            case .json: Terminal.printOutput(diff.json())
            case .markdown: Terminal.printOutput(diff.markdown())
            }
            return diff.isEmpty ? .clean : .findings
        }
    }
}
