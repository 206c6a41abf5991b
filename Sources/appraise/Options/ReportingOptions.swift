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

    @Option(help: "Report format: text (default), json, jsonl, sarif, csv, html or markdown; an --output FILE's extension sets it too.")
    var format: ReportFormat?

    @Option(name: .customLong("output"), help: ArgumentHelp("Write a report to FILE, atomically (repeatable); the format is FORMAT=, else --format, else FILE's extension (.json .jsonl .sarif .csv .md .html .txt).", valueName: "[FORMAT=]FILE"))
    var outputs: [OutputSpec] = []

    @Option(help: "Lowest severity that makes the exit status 1: review, disqualify or never.")
    var failOn: FailOn = .review

    @Flag(help: "No colors (also when NO_COLOR is set or output is not a terminal).")
    var noColor = false

    @Flag(help: "Print the evidence (values read and comparisons) under each finding.")
    var explain = false

    @Flag(help: "Replace personal data (names, ids, free text, file names; dates of birth by the year) with pseudonyms in every report and on standard error (docs/redaction.md).")
    var redact = false

    @Option(help: ArgumentHelp("Key file for candidate-id pseudonyms (HMAC-SHA-256), the same in every report made with it; implies --redact.", valueName: "FILE"))
    var redactKey: String?

    /// Whether reports are redacted: `--redact`, or a `--redact-key`.
    var redacts: Bool { redact || redactKey != nil }
}

/// Options about inputs: the rule set, strictness, and parallelism. The limits against hostile
/// input are a group of their own (`LimitOptions`), listed last in `--help`.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule folder or file (repeatable); replaces the shipped rules/.", valueName: "PATH"))
    var rulePaths: [String] = []

    @Flag(help: "Accept a rule set with no rules, or with slate rules only (every candidate would pass).")
    var allowEmptyRules = false

    @Flag(help: "Treat unknown fields in dossiers as errors, not warnings.")
    var strict = false

    @Option(help: "How many dossiers to evaluate at once (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}
