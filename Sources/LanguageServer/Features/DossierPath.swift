import RuleEngine

/// Where the cursor is in a dossier or slate, read from indentation (the document being typed
/// is often not valid YAML yet): the keys of the enclosing mappings, and on the cursor's line
/// the key and whether the cursor is past its colon.
struct DossierPath {
    var parents: [String]
    /// The key written on the cursor's line (or the prefix being typed before any colon).
    var key: String
    var afterColon: Bool

    /// A line's key: indentation of the dash (`- `) if any, of the key, and the key itself.
    struct LineKey {
        var dashIndent: Int?
        var keyIndent: Int
        var key: String?
        var colon: Int?
    }

    /// Nil for a comment line, and for a blank one unless `blankAllowed` (the cursor's line).
    static func lineKey(_ line: Substring, blankAllowed: Bool = false) -> LineKey? {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " { index += 1 }
        if index == scalars.count, blankAllowed { return LineKey(dashIndent: nil, keyIndent: index, key: nil, colon: nil) }
        guard index < scalars.count, scalars[index] != "#" else { return nil }
        var dash: Int?
        if scalars[index] == "-", index + 1 == scalars.count || scalars[index + 1] == " " {
            dash = index
            index += 1
            while index < scalars.count, scalars[index] == " " { index += 1 }
        }
        let keyStart = index
        while index < scalars.count, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) || scalars[index] == "_" {
            index += 1
        }
        var key = String.UnicodeScalarView()
        key.append(contentsOf: scalars[keyStart..<index])
        var colonIndex = index
        while colonIndex < scalars.count, scalars[colonIndex] == " " { colonIndex += 1 }
        let colon = colonIndex < scalars.count && scalars[colonIndex] == ":" ? colonIndex : nil
        return LineKey(dashIndent: dash, keyIndent: keyStart, key: key.isEmpty ? nil : String(key), colon: colon)
    }

    /// The path at a 1-based line and column of `text`.
    static func at(line: Int, column: Int, in text: DocumentText) -> DossierPath? {
        guard let current = text.source.line(line), let here = lineKey(current, blankAllowed: true) else { return nil }
        var parents: [String] = []
        var threshold = here.keyIndent
        var number = line - 1
        while number >= 1, threshold > 0 {
            defer { number -= 1 }
            guard let previous = text.source.line(number), let entry = lineKey(previous) else { continue }
            if entry.keyIndent < threshold, let key = entry.key, entry.colon != nil {
                parents.insert(key, at: 0)
                threshold = entry.dashIndent ?? entry.keyIndent
                continue
            }
            if let dash = entry.dashIndent, dash < threshold { threshold = dash }
        }
        let afterColon = here.colon.map { column - 1 > $0 } ?? false
        return DossierPath(parents: parents, key: here.key ?? "", afterColon: afterColon)
    }

    /// The record the mapping at `parents` holds.
    static func record(_ parents: [String], root: RecordSchema, schema: Schema) -> RecordSchema? {
        var record = root
        for name in parents {
            guard let field = record.fields.first(where: { $0.name == name }) else { return nil }
            var type = field.type
            while case .list(let element) = type { type = element }
            guard case .object(let recordName) = type, let next = schema.record(named: recordName) else { return nil }
            record = next
        }
        return record
    }

    static func rootRecord(for kind: EditedKind, schema: Schema) -> RecordSchema {
        schema.rootRecord(of: kind == .slate ? .slate : .dossier)
    }

    /// The schema field of the key under the cursor.
    static func field(at cursor: Cursor, schema: Schema) -> FieldSpec? {
        guard let path = at(line: cursor.location.line, column: cursor.location.column, in: cursor.document.text),
              let record = record(path.parents, root: rootRecord(for: cursor.kind, schema: schema), schema: schema)
        else { return nil }
        return record.fields.first { $0.name == path.key }
    }
}
