import Diagnostics
import YAML

/// The diagnostics of dossier and slate validation (`schema.*`), one constructor per problem
/// so that codes and wording stay in one place. `field` is the record-qualified field name
/// (`discipline.form`); `path` is where the value stands (`discipline[0].form`). Messages
/// name the path, which says exactly which item is wrong (`dossier.md`, Typing).
enum SchemaMessages {
    static func scalar(_ problem: ScalarProblem, text: String, field: String, at location: SourceLocation, path: String) -> Diagnostic {
        let field = path.isEmpty ? field : path
        let (code, message): (String, String)
        switch problem {
        case .type(let expected):
            code = "schema.type"
            message = "expected \(expected) for \(field), found '\(text)'"
        case .date:
            code = "schema.date"
            message = "invalid date '\(text)' for \(field); expected an existing date as YYYY-MM-DD"
        case .money(let signed):
            code = "schema.money"
            message = "invalid amount '\(text)' for \(field); expected whole đồng as "
                + (signed ? "an integer" : "an integer ≥ 0")
        case .share:
            code = "schema.share"
            message = "invalid share '\(text)' for \(field); expected a number from 0 to 1"
        case .enumeration(let values):
            code = "schema.enum"
            message = "unknown value '\(text)' for \(field); expected one of "
                + values.joined(separator: ", ") + Suggestion.hint(for: text, in: values)
        }
        return Diagnostic(code: code, message: message, location: location, path: path)
    }

    static func nullItem(expected: FieldType, field: String, at location: SourceLocation, path: String) -> Diagnostic {
        let field = path.isEmpty ? field : path
        return Diagnostic(
            code: "schema.type", message: "expected \(expected) for \(field), found null",
            location: location, path: path)
    }

    /// `found` is the kind of node met: "a scalar", "a list", "a mapping".
    static func kind(found: String, at location: SourceLocation, expected: String, field: String, path: String) -> Diagnostic {
        let field = path.isEmpty ? field : path
        return Diagnostic(
            code: "schema.kind", message: "expected \(expected) for \(field), found \(found)",
            location: location, path: path)
    }

    static func missing(field: String, at location: SourceLocation, path: String) -> Diagnostic {
        let field = path.isEmpty ? field : path
        return Diagnostic(
            code: "schema.required", message: "missing required field \(field)", location: location, path: path)
    }

    static func null(field: String, at location: SourceLocation, path: String) -> Diagnostic {
        let field = path.isEmpty ? field : path
        return Diagnostic(
            code: "schema.required", message: "required field \(field) is null", location: location, path: path)
    }

    static func blank(field: String, at location: SourceLocation, path: String) -> Diagnostic {
        let field = path.isEmpty ? field : path
        return Diagnostic(
            code: "schema.blank", message: "\(field) must not be blank", location: location, path: path)
    }

    static func unknownField(
        _ key: String, record: String, at location: SourceLocation, path: String, known: [String], strict: Bool
    ) -> Diagnostic {
        Diagnostic(
            code: "schema.unknown-field", severity: strict ? .error : .warning,
            message: "unknown field '\(key)' in \(record)" + Suggestion.hint(for: key, in: known),
            location: location, path: path)
    }

    static func format(name: String, const: String, found: String?, at location: SourceLocation, path: String) -> Diagnostic {
        Diagnostic(
            code: "schema.format",
            message: "\(name) must be \(const)" + (found.map { ", found '\($0)'" } ?? "; it is missing"),
            location: location, path: path)
    }

    static func empty(file: String, expected: String) -> Diagnostic {
        Diagnostic(
            code: "schema.kind", message: "the file holds no document; expected \(expected)",
            location: SourceLocation(file: file, line: 1, column: 1), path: "")
    }
}
