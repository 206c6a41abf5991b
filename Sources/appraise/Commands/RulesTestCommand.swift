import ArgumentParser
import Reports
import RuleEngine
import Screening

/// `appraise rules test [PATH...]`: runs every rule's examples and the test files under
/// `tests/`, ending with `N passed, M failed`.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's examples and the rule test files.",
        discussion: """
            Exit 0 when all pass, 1 when some fail (or branch coverage is below --fail-under), 2 \
            when a test cannot fail (a rule without a triggering example, an expectation naming no \
            rule) or a file does not load.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, junit
    }

    @Option(help: "text, or junit (JUnit XML for CI systems).")
    var format: Format = .text

    @Option(name: .customLong("lang"), help: "Language of the messages shown: en or vi.")
    var language: Language = .en

    enum CoverageFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, lcov
    }

    @Flag(help: "Also report which examples and tests fired each rule and which conditions of its lets and when were seen true and false.")
    var coverage = false

    @Option(help: "text, json or lcov (implies --coverage).")
    var coverageFormat: CoverageFormat?

    @Option(help: "Write the coverage report to this file (atomically) instead of standard output (implies --coverage).")
    var coverageOutput: String?

    @Option(help: "Exit 1 when branch coverage is below this percentage (implies --coverage).")
    var failUnder: Double?

    @OptionGroup var files: RuleFileOptions

    func validate() throws {
        if let failUnder, !(0...100).contains(failUnder) {
            throw ValidationError("--fail-under must be a percentage from 0 to 100")
        }
    }

    var measuresCoverage: Bool { coverage || coverageFormat != nil || coverageOutput != nil || failUnder != nil }

    func run() throws {
        try ExitStatus.run { () throws(CLIError) -> ExitStatus in
            let session = try RuleSetSession.load(
                paths: files.paths, maxFileBytes: files.maxFileBytes, language: language,
                emptyRules: files.emptyRules)
            session.printer.printAll(session.prepared.diagnostics)
            guard !session.prepared.hasErrors else { throw CLIError.rulesInvalid }
            let runner = ExampleRunner(prepared: session.prepared, language: language.rawValue)
            let (report, coverage) = measuresCoverage ? runner.runWithCoverage() : (runner.run(), nil)
            session.printer.printAll(report.problems)
            let results = format == .text ? report.renderText() : report.renderJUnit()
            // A JSON or lcov coverage report on standard output stays a document of its own.
            if coverage != nil, coverageOutput == nil, coverageFormat ?? .text != .text {
                Terminal.printError(results)
            } else {
                Terminal.printOutput(results)
            }
            let status = ExitStatus(rawValue: report.exitCode) ?? .badInput
            guard let coverage else { return status }
            try write(coverage)
            if let failUnder, coverage.percent < failUnder {
                Terminal.printError("branch coverage \(CoverageReporter.percentText(coverage)) is below --fail-under \(failUnder)%")
                return max(status, .findings)
            }
            return status
        }
    }

    /// The coverage report, to --coverage-output or after the test results.
    func write(_ coverage: CoverageReport) throws(CLIError) {
        let text = switch coverageFormat ?? .text {
        case .text: CoverageReporter.text(coverage)
        case .json: CoverageReporter.json(coverage)
        case .lcov: CoverageReporter.lcov(coverage)
        }
        // On the terminal the text table follows the test results after a blank line.
        let separator = coverageOutput == nil && coverageFormat ?? .text == .text ? "\n" : ""
        try AtomicWriter.writeOrPrint(separator + text, to: coverageOutput)
    }
}
