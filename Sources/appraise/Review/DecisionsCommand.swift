import ArgumentParser
import Screening

/// `appraise decisions`: tools for recording the conclusions of reviews (`decisions.md`).
struct DecisionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decisions",
        abstract: "Write review decisions (decisions/1) for the findings of a report.",
        subcommands: [DecisionsTemplateCommand.self]
    )
}

/// `appraise decisions template REPORT.json`: a decisions/1 skeleton for every open review
/// finding, to be filled in by the people who reviewed them.
struct DecisionsTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a decisions/1 skeleton for every open review finding of a JSON report.",
        discussion: """
            The skeleton fails validation until reason, decided_by and decided_on are filled in. \
            Exit 0 on success, 2 when the report cannot be read.
            """
    )

    @Argument(help: "A JSON report (appraise check|screen --format json).")
    var report: String

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @OptionGroup var limits: LimitOptions

    func run() throws {
        try ExitStatus.run { () throws(CLIError) -> ExitStatus in
            let file = try JSONReportFile.read(report, limit: limits.maxFileBytes)
            let text = DecisionsTemplate.render(file)
            try AtomicWriter.writeOrPrint(text, to: output)
            return .clean
        }
    }
}
