import ArgumentParser

/// The exit codes of `cli.md`: 0 clean, 1 findings at or above `--fail-on`, 2 bad input
/// (unreadable or invalid files, bad rules, a wrong command line). 2 wins over 1.
enum ExitStatus: Int32, Comparable {
    case clean = 0
    case findings = 1
    case badInput = 2

    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }

    var exitCode: ExitCode { ExitCode(rawValue) }
}

extension ExitStatus {
    /// Runs a command body and ends the process with its status; a `CLIError` is printed on
    /// standard error and exits 2.
    static func run(_ body: () throws(CLIError) -> ExitStatus) throws {
        let status: ExitStatus
        do {
            status = try body()
        } catch .rulesInvalid {
            Terminal.printError(CLIError.rulesInvalid.description)
            status = .badInput
        } catch {
            Terminal.printError(error.description)
            status = .badInput
        }
        throw status.exitCode
    }
}
