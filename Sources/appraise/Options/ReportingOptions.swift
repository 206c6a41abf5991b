import ArgumentParser
import Reports
import Screening

extension Language: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}

extension ReportFormat: ExpressibleByArgument {}

/// One `--output [FORMAT=]FILE`: a report written atomically to FILE.
struct OutputSpec: ExpressibleByArgument {
    var format: ReportFormat?
    var path: String

    init?(argument: String) {
        if let equals = argument.firstIndex(of: "="),
            let format = ReportFormat(rawValue: String(argument[..<equals]))
        {
            self.format = format
            self.path = String(argument[argument.index(after: equals)...])
        } else {
            self.format = nil
            self.path = argument
        }
        if path.isEmpty { return nil }
    }
}

/// Options shared by `check` and `screen`: how findings are reported and when to fail.
struct ReportingOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Evaluation date, YYYY-MM-DD (default: the slate's congress date, else today in Asia/Ho_Chi_Minh).")
    var asOf: String?

    @Option(name: .customLong("lang"), help: "Report language: en or vi.")
    var language: Language = .en

    @Option(help: "Report format: text, json, jsonl, sarif, csv, html or markdown.")
    var format: ReportFormat = .text

    @Option(name: .customLong("output"), help: ArgumentHelp("Write a report to FILE, atomically (repeatable).", valueName: "[FORMAT=]FILE"))
    var outputs: [OutputSpec] = []

    @Option(help: "Lowest severity that makes the exit status 1: review, disqualify or never.")
    var failOn: FailOn = .review

    @Flag(help: "No colors (also when NO_COLOR is set or output is not a terminal).")
    var noColor = false

    @Flag(help: "Print the evidence (values read and comparisons) under each finding.")
    var explain = false

    @Flag(help: "Replace names, citizen ids and free text with stable pseudonyms in every report.")
    var redact = false
}

/// Options about inputs: the rule set, strictness, and parallelism.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule folder or file (repeatable); replaces the shipped rules/.", valueName: "PATH"))
    var rulePaths: [String] = []

    @Flag(help: "Treat unknown fields in dossiers as errors, not warnings.")
    var strict = false

    @Option(help: "How many dossiers to evaluate at once (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}
