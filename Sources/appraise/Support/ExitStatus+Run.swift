import ArgumentParser
import Screening

extension ExitStatus {
    var exitCode: ExitCode { ExitCode(rawValue) }

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
