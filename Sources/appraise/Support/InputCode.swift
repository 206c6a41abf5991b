import Diagnostics

/// Every code the command line gives a diagnostic about its inputs: the one list of them.
enum InputCode: String, DiagnosticCodeCatalogue {
    case missing = "input.missing"
    case unreadable = "input.unreadable"
    case symlinkLoop = "input.symlink-loop"
    case duplicateID = "input.duplicate-id"

    var meaning: String {
        switch self {
        case .missing: "a dossier path or directory given on the command line does not exist"
        case .unreadable: "a dossier file or directory cannot be read"
        case .symlinkLoop: "symbolic links under a dossier directory form a loop"
        case .duplicateID: "two dossiers of one run have the same candidate id"
        }
    }
}
