/// Renders a diagnostic the way compilers do: the `file:line:column: error: message [code]`
/// line, then the source line and a caret under the column.
public enum Snippet {
    /// The diagnostic with its source line and caret when `source` holds its line.
    public static func render(_ diagnostic: Diagnostic, source: Source?) -> String {
        var text = diagnostic.description
        if let location = diagnostic.location, let source, let line = source.line(location.line) {
            text += "\n" + caretLines(line: line, column: location.column)
        }
        for note in diagnostic.notes {
            text += "\n"
            if let location = note.location { text += "\(location): " }
            text += "note: \(note.message)"
        }
        return text
    }

    /// `  | source line` and `  | ^` under the 1-based scalar column; tabs kept so the caret lines up.
    public static func caretLines(line: Substring, column: Int) -> String {
        var pad = ""
        for (index, scalar) in line.unicodeScalars.enumerated() where index < column - 1 {
            pad.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        if column - 1 > line.unicodeScalars.count {
            pad += String(repeating: " ", count: column - 1 - line.unicodeScalars.count)
        }
        return "    " + line + "\n    " + pad + "^"
    }
}
