/// Escaping for the text-based formats, in one place so every reporter escapes the same way
/// (and the web app of `appraise serve` escapes as the HTML report does).
public enum Escaping {
    /// Text for HTML element content and attribute values: `& < > " '` become entities.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text for XML content and attributes (JUnit): as HTML, plus line breaks as `&#10;` so
    /// attributes keep them, and the control characters XML 1.0 forbids dropped.
    static func xml(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars
        where scalar.value >= 0x20 || scalar == "\n" || scalar == "\t" || scalar == "\r" {
            if scalar.value != 0xFFFE && scalar.value != 0xFFFF { kept.append(scalar) }
        }
        return html(String(kept)).replacingNewlines()
    }

    /// Text for a Markdown table cell: `|` and `\` escaped, HTML-special characters as
    /// entities (so a name cannot inject markup), line breaks as `<br>`.
    static func markdownCell(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "`": out += "\\`"
            case "*", "_", "[", "]": out += "\\" + String(scalar)
            case "\r": out += "<br>"
            case "\n": if !previousCR { out += "<br>" }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A field of RFC 4180 CSV. Quoted when it holds a comma, quote, CR or LF, with quotes
    /// doubled. A field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a
    /// spreadsheet shows it as text instead of running it as a formula (OWASP "CSV
    /// injection"); a dossier is untrusted input and its names and messages reach these cells.
    static func csvField(_ text: String) -> String {
        var field = text
        if let first = field.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            field = "'" + field
        }
        let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return field }
        var out = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    /// A relative path as a URI reference for SARIF's `artifactLocation.uri`: every byte
    /// outside RFC 3986 unreserved characters and `/` is percent-encoded from its UTF-8,
    /// so spaces and Vietnamese letters survive any SARIF viewer (and the web app's links).
    public static func uriPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            if isUnreserved(byte) || byte == UInt8(ascii: "/") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0x0F)
            }
        }
        return out
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> String {
        String(nibble, radix: 16, uppercase: true)
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        var out = ""
        for character in self { out += character == "\n" ? "&#10;" : String(character) }
        return out
    }
}
