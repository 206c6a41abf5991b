/// Double-quoted string literals for CEL and JSON, which escape alike but for control
/// characters (`\x07` in CEL, `\u0007` in JSON).
enum StringQuoting {
    /// `s` between double quotes with `"`, `\`, newline, tab and carriage return escaped, and
    /// any other scalar `control` gives an escape for written that way.
    static func quoted(_ s: String, control: (Unicode.Scalar) -> String?) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if let escape = control(scalar) { out += escape } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
