/// A dossier path as standard error may print it: under `--redact` folder and file names often
/// spell a person's name, so the path is withheld there as it is in the reports
/// (docs/redaction.md).
public enum WithheldPath {
    public static let placeholder = "<path withheld by --redact>"

    public static func shown(_ path: String, redact: Bool) -> String { redact ? placeholder : path }
}
