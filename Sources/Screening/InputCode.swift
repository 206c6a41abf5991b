import Diagnostics

/// Every code the command line and the server give a diagnostic about their inputs: the one
/// list of them.
public enum InputCode: String, DiagnosticCodeCatalogue {
    case missing = "input.missing"
    case unreadable = "input.unreadable"
    case symlinkLoop = "input.symlink-loop"
    case duplicateID = "input.duplicate-id"
    case invalidSlate = "input.invalid-slate"
    case invalidDecisions = "input.invalid-decisions"

    public var meaning: String {
        switch self {
        case .missing: "a dossier path or directory given on the command line does not exist"
        case .unreadable: "a dossier file or directory cannot be read"
        case .symlinkLoop: "symbolic links under a dossier directory form a loop"
        case .duplicateID: "two dossiers of one run have the same candidate id"
        case .invalidSlate: "the server was sent, or its workspace holds, a slate file that does not validate"
        case .invalidDecisions: "the server was sent decisions that do not validate"
        }
    }
}
