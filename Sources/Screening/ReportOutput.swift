import Reports

/// Where one report goes, as a screening sees it: a format, and a writer opened when the report
/// is written. The CLI writes files and standard output; the server keeps the text in memory.
public protocol ReportOutput {
    var format: ReportFormat { get }
    func open() throws(CLIError) -> any ReportWriter
}

/// Receives a report's text in pieces, then keeps it (`commit`) or drops it (`discard`), so that
/// a failed screening leaves nothing half-written.
public protocol ReportWriter {
    func write(_ text: String) throws(CLIError)
    /// The same as `write(_:)` for text already in UTF-8 (streamed JSON Lines), with no
    /// `String` made of it.
    func write(utf8: [UInt8]) throws(CLIError)
    func commit() throws(CLIError)
    func discard()
}

/// A report kept in memory: the server's answer body.
public final class MemoryReportOutput: ReportOutput, ReportWriter {
    public let format: ReportFormat
    /// The text written so far.
    public private(set) var text = ""

    public init(format: ReportFormat) { self.format = format }

    public func open() throws(CLIError) -> any ReportWriter {
        text = ""
        return self
    }

    public func write(_ text: String) throws(CLIError) { self.text += text }
    public func write(utf8: [UInt8]) throws(CLIError) { text += String(decoding: utf8, as: UTF8.self) }
    public func commit() throws(CLIError) {}
    public func discard() { text = "" }
}
