import Diagnostics

/// What a front end shows while a screening runs: the CLI draws a progress bar and prints
/// notes and problems on standard error; the server shows nothing (problems reach the report's
/// exit status). The library itself never prints.
public protocol ScreeningObserver: AnyObject {
    func started(total: Int)
    /// One more dossier is screened.
    func advanced()
    func finished()
    /// One of the files was a slate or decisions file (`format` is `slate/1` or `decisions/1`):
    /// skipped, not screened. `file` is already withheld under `--redact`.
    func skippedFile(_ file: String, format: String)
    /// Problems found while applying review decisions (a decision on a rule error finding).
    func problems(_ diagnostics: [Diagnostic])
}
