import Reports

/// A report kept as a value rather than text: what the server reads back when it needs the
/// findings themselves (their fingerprints, severities and evidence), as the report shows
/// them, without rendering and parsing JSON.
public final class ReportCapture: ReportOutput, ReportWriter {
    public let format = ReportFormat.json
    /// The whole report, set when the screening finishes.
    public private(set) var report: Report?

    public init() {}

    public func open() throws(CLIError) -> any ReportWriter { self }
    public func write(_ text: String) throws(CLIError) {}
    public func write(utf8: [UInt8]) throws(CLIError) {}
    public func commit() throws(CLIError) {}
    public func discard() { report = nil }

    /// Keeps `report`; called by `ReportSink` instead of rendering it.
    func keep(_ report: Report) { self.report = report }
}
