import Screening

extension AtomicWriter {
    /// Writes `text` whole to `path` (atomically), or prints it when no path was given: what
    /// every command with an `--output FILE` of one document does.
    static func writeOrPrint(_ text: String, to path: String?) throws(CLIError) {
        guard let path else { return Terminal.printOutput(text) }
        let writer = try AtomicWriter(path: path)
        try writer.write(text)
        try writer.commit()
    }
}
