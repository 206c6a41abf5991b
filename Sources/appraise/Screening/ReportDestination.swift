import Reports
import Screening

/// Where one report goes: a file written atomically, or standard output.
struct ReportDestination: ReportOutput {
    var format: ReportFormat
    /// Nil for standard output.
    var path: String?

    /// The destinations of `--format` and `--output` (`details.md` §20): with no `--output`,
    /// one report on standard output; else one per `--output`, each in its own format: its
    /// `FORMAT=`, else `--format`, else the format its extension names, else text. A `--format`
    /// that contradicts the extension, or a folder that does not exist, is an error before
    /// anything is screened or written.
    static func all(for options: ReportingOptions) throws(CLIError) -> [ReportDestination] {
        if options.outputs.isEmpty { return [ReportDestination(format: options.format ?? .text, path: nil)] }
        var destinations: [ReportDestination] = []
        for output in options.outputs {
            try checkFolder(of: output.path)
            destinations.append(ReportDestination(format: try format(of: output, option: options.format), path: output.path))
        }
        return destinations
    }

    private static func format(of output: OutputSpec, option: ReportFormat?) throws(CLIError) -> ReportFormat {
        if let explicit = output.format { return explicit }
        let named = ReportFormat(fileName: output.path)
        if let option, let named, option != named {
            throw CLIError.usage(
                "--format \(option.rawValue) contradicts the extension of \(output.path), which is \(named.rawValue); "
                    + "drop --format, rename the file, or write --output \(option.rawValue)=\(output.path)")
        }
        return option ?? named ?? .text
    }

    private static func checkFolder(of path: String) throws(CLIError) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        switch FileKind.of(folder) {
        case .directory: return
        case nil: throw CLIError.io(path: path, reason: "the folder \(folder) does not exist; create it first")
        default: throw CLIError.io(path: path, reason: "\(folder) is not a folder")
        }
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

    func write(utf8: [UInt8]) throws(CLIError) {
        if let atomic { try atomic.write(utf8: utf8) } else { Terminal.printOutput(utf8: utf8) }
    }

    func commit() throws(CLIError) { try atomic?.commit() }
    func discard() { atomic?.discard() }
}
