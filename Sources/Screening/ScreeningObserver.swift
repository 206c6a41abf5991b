/// What a front end shows while a screening runs: the CLI draws a progress bar and prints
/// notes on standard error; the server shows nothing. The library itself never prints.
public protocol ScreeningObserver: AnyObject {
    func started(total: Int)
    /// One more dossier is screened.
    func advanced()
    func finished()
    /// One of the files was a slate file (format slate/1): skipped, not screened.
    func skippedSlateFile(_ file: String)
}
