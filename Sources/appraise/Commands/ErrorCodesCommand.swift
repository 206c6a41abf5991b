import ArgumentParser
import CEL
import Diagnostics
import RuleEngine
import Screening
import Server
import YAML

/// `appraise error-codes` (hidden): prints `docs/error-codes.md` from the code catalogues of
/// every module, so the reference is generated, never kept by hand.
struct ErrorCodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "error-codes",
        abstract: "Print the reference of diagnostic codes (docs/error-codes.md).",
        shouldDisplay: false
    )

    /// One section per module, in the order a file is read: YAML, then CEL, then the rule engine,
    /// then the command line's own inputs, then the server's decisions endpoint.
    static let sections = [
        DiagnosticCodeSection("YAML (`yaml.*`)", YAMLCode.self),
        DiagnosticCodeSection("CEL expressions (`cel.*`)", CELCode.self),
        DiagnosticCodeSection("Rules, schema, parameters, calendar, decisions and tests", RuleEngineCode.self),
        DiagnosticCodeSection("Command-line inputs (`input.*`)", InputCode.self),
        DiagnosticCodeSection("Recording decisions with the server (`POST /v1/decisions`)", DecisionRequestCode.self),
    ]

    func run() throws {
        print(DiagnosticCodeSection.markdown(Self.sections), terminator: "")
    }
}
