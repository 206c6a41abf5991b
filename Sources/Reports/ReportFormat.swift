/// The report formats `--format` and `--output FORMAT=FILE` accept (`cli.md`).
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json
    case jsonl
    case sarif
    case csv
    case html
    case markdown

    /// The usual file extension, so the CLI can name outputs without a table of its own.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .jsonl: "jsonl"
        case .sarif: "sarif"
        case .csv: "csv"
        case .html: "html"
        case .markdown: "md"
        }
    }

    /// The format a file name asks for by its extension (`r.html` is HTML), so `--output`
    /// needs no `FORMAT=` for the usual names; nil for any other extension.
    public init?(fileName: String) {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        let ext = base[base.index(after: dot)...].lowercased()
        guard let format = Self.allCases.first(where: { $0.fileExtension == ext }) else { return nil }
        self = format
    }

    /// The reporter for this format, so callers pick a format without a switch of their own.
    public func reporter(_ options: ReportOptions = ReportOptions()) -> any Reporter {
        switch self {
        case .text: TextReporter(options: options)
        case .json: JSONReporter(lines: false)
        case .jsonl: JSONReporter(lines: true)
        case .sarif: SARIFReporter()
        case .csv: CSVReporter()
        case .html: HTMLReporter(options: options)
        case .markdown: MarkdownReporter(options: options)
        }
    }
}

/// How the text report is laid out.
public enum TextStyle: String, Sendable, CaseIterable {
    /// `appraise check`: every candidate with its findings (issue 4).
    case check
    /// `appraise screen`: a summary table, then only candidates needing attention (issue 6).
    case screen
}

/// Presentation choices for the human formats. The caller (the CLI) decides them from the
/// command line, the terminal and `NO_COLOR`; reporters never look at the environment.
public struct ReportOptions: Sendable, Hashable {
    /// `en` or `vi`; nil uses the report's own language.
    public var language: String?
    /// ANSI colours in the text report.
    public var color: Bool
    /// Print evidence and comparisons under each finding in the text report.
    public var explain: Bool
    public var style: TextStyle

    public init(language: String? = nil, color: Bool = false, explain: Bool = false, style: TextStyle = .check) {
        self.language = language
        self.color = color
        self.explain = explain
        self.style = style
    }
}

/// Turns a report into the bytes of one format. Pure: same report, same bytes.
public protocol Reporter: Sendable {
    /// The whole report in this format, as UTF-8 text.
    func render(_ report: Report) -> String
}

extension Report {
    /// The whole report in `format`, the one entry point the CLI needs.
    public func rendered(as format: ReportFormat, options: ReportOptions = ReportOptions()) -> String {
        format.reporter(options).render(self)
    }
}
