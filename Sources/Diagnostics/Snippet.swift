/// Renders a diagnostic the way compilers do: the `file:line:column: error: message [code]`
/// line, then the source line and a caret under the column.
public enum Snippet {
    /// The diagnostic with its source line and caret when `source` holds its line.
    public static func render(_ diagnostic: Diagnostic, source: Source?) -> String {
        var text = diagnostic.description
        if let location = diagnostic.location, let source, let line = source.line(location.line) {
            let end = diagnostic.end.flatMap { $0.line == location.line ? $0.column : nil }
            text += "\n" + caretLines(line: line, column: location.column, endColumn: end)
        }
        for note in diagnostic.notes {
            text += "\n"
            if let location = note.location { text += "\(location): " }
            text += "note: \(note.message)"
        }
        return text
    }

    /// The most scalars of a source line shown; a longer line (a 200 KB expression) is cut
    /// around the column, with `…` where it was cut.
    public static let maxLineWidth = 120

    /// `  | source line` and `  | ^` under the 1-based scalar column; tabs kept so the caret lines up.
    /// With `endColumn` (exclusive, on the same line) the caret is followed by `~` to the end of
    /// the range, within the shown part of the line.
    public static func caretLines(line: Substring, column: Int, endColumn: Int? = nil) -> String {
        let scalars = line.unicodeScalars
        let count = scalars.count
        var start = 0
        var end = count
        if count > maxLineWidth {
            start = max(0, min(column - 1 - maxLineWidth / 2, count - maxLineWidth))
            end = start + maxLineWidth
        }
        let first = scalars.index(scalars.startIndex, offsetBy: start)
        let last = scalars.index(first, offsetBy: end - start)
        var shown = start > 0 ? "…" : ""
        var pad = start > 0 ? " " : ""
        shown.unicodeScalars.append(contentsOf: scalars[first..<last])
        if end < count { shown += "…" }
        for (index, scalar) in scalars[first..<last].enumerated() where start + index < column - 1 {
            pad.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        if column - 1 > end {
            pad += String(repeating: " ", count: column - 1 - end + (end < count ? 1 : 0))
        }
        let underline = endColumn.map { max(0, min($0, end + 1) - column - 1) } ?? 0
        return "    " + shown + "\n    " + pad + "^" + String(repeating: "~", count: underline)
    }
}
