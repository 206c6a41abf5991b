/// A problem of the command line or of the files it names: the CLI prints it on standard error
/// with exit status 2, the server answers it as a 4xx JSON error.
public enum CLIError: Error, CustomStringConvertible {
    case io(path: String, reason: String)
    case usage(String)
    /// The rule set has errors, already printed.
    case rulesInvalid
    /// An input file that does not validate; its diagnostics are already printed.
    case inputInvalid(String)

    public var description: String {
        switch self {
        case .io(let path, let reason): "\(path): error: \(reason)"
        case .usage(let message): "error: \(message)"
        case .inputInvalid(let path): "\(path): error: the file is not valid (see above)"
        case .rulesInvalid: "error: the rule set has errors (see above); fix them or run `appraise rules lint`"
        }
    }
}
