import Reports
import Screening

/// Where one report goes: a file written atomically, or standard output.
struct ReportDestination: ReportOutput {
    var format: ReportFormat
    /// Nil for standard output.
    var path: String?

    /// The destinations of `--format` and `--output` (`details.md` §20): with no `--output`,
    /// one report on standard output; else one per `--output`, each in its own format.
    static func all(for options: ReportingOptions) -> [ReportDestination] {
        if options.outputs.isEmpty { return [ReportDestination(format: options.format, path: nil)] }
        return options.outputs.map { ReportDestination(format: $0.format ?? options.format, path: $0.path) }
    }

    func open() throws(CLIError) -> any ReportWriter { try DestinationWriter(self) }
}

/// Writes text to a destination: through an `AtomicWriter` for files, straight to standard
/// output otherwise.
struct DestinationWriter: ReportWriter {
    private let atomic: AtomicWriter?

    init(_ destination: ReportDestination) throws(CLIError) {
        atomic = try destination.path.map { path throws(CLIError) in try AtomicWriter(path: path) }
    }

    func write(_ text: String) throws(CLIError) {
        if let atomic { try atomic.write(text) } else { Terminal.printOutput(text) }
    }

    func commit() throws(CLIError) { try atomic?.commit() }
    func discard() { atomic?.discard() }
}
