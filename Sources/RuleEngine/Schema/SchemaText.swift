import CEL

/// The schema as text for people: `appraise schema` prints it, and its Markdown form is the
/// field reference of the rule authors' guide, so both come from `rules/schema.yaml` and
/// never drift from what the validator accepts.
public enum SchemaText {
    /// Plain text (aligned columns) or Markdown (a table per record).
    public enum Style: String, Sendable, CaseIterable {
        case text, markdown
    }

    /// Every record of the document kind, in `schema.yaml` order, one section each.
    public static func render(_ schema: Schema, document: DocumentKind = .dossier, style: Style) -> String {
        let sections = schema.records(of: document).map { record in
            style == .text ? textSection(record) : markdownSection(record)
        }
        return sections.joined(separator: "\n")
    }

    // MARK: Plain text

    /// `record: doc`, then one aligned line per field; enum values on the line below.
    static func textSection(_ record: RecordSchema) -> String {
        let rows = record.fields.map { field in
            (name: field.name, type: typeName(field.type, const: field.const, markdown: false), presence: presence(field, markdown: false), field: field)
        }
        let nameWidth = max(5, rows.map(\.name.unicodeScalars.count).max() ?? 0)
        let typeWidth = max(4, rows.map(\.type.unicodeScalars.count).max() ?? 0)
        let presenceWidth = max(8, rows.map(\.presence.unicodeScalars.count).max() ?? 0)
        var lines = ["\(record.name): \(record.doc)", ""]
        for row in rows {
            let line = "  " + pad(row.name, nameWidth) + "  " + pad(row.type, typeWidth) + "  "
                + pad(row.presence, presenceWidth) + "  " + row.field.doc
            lines.append(line)
            if let values = enumValues(row.field.type) {
                lines.append("  " + String(repeating: " ", count: nameWidth + 2) + "values: " + values.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.unicodeScalars.count))
    }

    // MARK: Markdown

    /// `### record`, its doc, then a table: field, type, required/default, description.
    static func markdownSection(_ record: RecordSchema) -> String {
        var lines = [
            "### \(record.name)", "", escapeCell(record.doc), "",
            "| field | type | required / default | description |", "|---|---|---|---|",
        ]
        for field in record.fields {
            var type = typeName(field.type, const: field.const, markdown: true)
            if let values = enumValues(field.type) {
                type += ": " + values.map { "`\($0)`" }.joined(separator: ", ")
            }
            lines.append(
                "| `\(field.name)` | \(type) | \(presence(field, markdown: true)) | \(escapeCell(field.doc)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table cell: `|` escaped, so a doc can never break the table.
    private static func escapeCell(_ text: String) -> String {
        text.replacingAll("|", with: "\\|")
    }

    // MARK: Shared pieces

    /// `string`, `money (signed)`, `list of declaration`, `enum`; records link in Markdown.
    static func typeName(_ type: FieldType, const: String?, markdown: Bool) -> String {
        switch type {
        case .string where const != nil:
            let value = const ?? ""
            return markdown ? "string, always `\(value)`" : "string \"\(value)\""
        case .money(let signed): return signed ? "money (signed)" : "money"
        case .enumeration: return "enum"
        case .list(let element): return "list of " + typeName(element, const: nil, markdown: markdown)
        case .object(let name): return markdown ? "[\(name)](#\(name))" : name
        default: return type.description
        }
    }

    /// The values of an enum field, or of a list of enums.
    static func enumValues(_ type: FieldType) -> [String]? {
        switch type {
        case .enumeration(let values): values
        case .list(let element): enumValues(element)
        default: nil
        }
    }

    /// `required`, `default []`, `default false`, or nothing.
    static func presence(_ field: FieldSpec, markdown: Bool) -> String {
        if field.required { return "required" }
        guard let value = field.defaultValue, let json = JSONSchemaExporter.json(value) else { return "" }
        let text = json.rendered(indent: nil)
        return markdown ? "default `\(text)`" : "default \(text)"
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
