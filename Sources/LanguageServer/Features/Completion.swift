import CEL
import RuleEngine

/// `textDocument/completion`: inside an expression, the fields of the type the checker infers
/// for what stands before `.` (`d.` in `declarations.exists(d, d.` gives the declaration
/// fields, `params.` the parameters) and the functions that take it as receiver, else the
/// visible names and the global functions; in a dossier or slate, the field names of the
/// enclosing record, or the allowed values of the field being given.
extension LanguageServer {
    /// LSP `CompletionItemKind`s used here.
    enum ItemKind: Int {
        case function = 3, field = 5, variable = 6, value = 12, keyword = 14, enumMember = 20
    }

    static let probeName = "__appraise_probe__"

    func completion(_ params: JSON) throws(RequestFailure) -> JSON {
        let cursor = try self.cursor(params)
        var items: [JSON] = []
        if let expression = cursor.expression, let context = cursor.analysis?.prepared.context {
            items = expressionCompletion(expression, context: context, schema: cursor.analysis?.prepared.schema)
        } else if [.dossier, .baseDossier, .slate].contains(cursor.kind), let schema = cursor.analysis?.prepared.schema {
            items = dossierCompletion(cursor, schema: schema)
        }
        return ["isIncomplete": false, "items": .array(items)]
    }

    static func item(_ label: String, _ kind: ItemKind, detail: String? = nil, doc: String? = nil) -> JSON {
        var members: [String: JSON] = ["label": .string(label), "kind": .int(kind.rawValue)]
        if let detail { members["detail"] = .string(detail) }
        if let doc, !doc.isEmpty { members["documentation"] = ["kind": "markdown", "value": .string(doc)] }
        return .object(members)
    }

    func expressionCompletion(_ expression: ExpressionAtCursor, context: RuleContext, schema: Schema?) -> [JSON] {
        let bytes = Array(expression.source.text.utf8)
        var start = min(expression.offset, bytes.count)
        while start > 0, Self.isIdentifierByte(bytes[start - 1]) { start -= 1 }
        let before = String(decoding: bytes[..<start], as: UTF8.self)
        let environment = expression.environment(context)
        if before.hasSuffix(".") {
            // What is written so far, closed: brackets, and the `: ...` of an unfinished `?:`.
            for ending in ["", " : null"] {
                let probe = ExpressionProbe.check(before + Self.probeName + ending + Self.closers(of: before), in: environment)
                let operand = probe.nodes.lazy.compactMap { node -> Expr? in
                    if case .select(let operand, Self.probeName, _) = node.kind { return operand }
                    return nil
                }.first
                if let operand, let type = probe.type(of: operand.id) {
                    return memberItems(of: type, environment: environment, schema: schema)
                }
            }
            return []
        }
        var items: [JSON] = []
        for name in environment.variableNames() {
            let type = environment.lookup(variable: name)?.type.description
            items.append(Self.item(name, .variable, detail: type))
        }
        for name in environment.functionNamesForCompletion {
            let globals = environment.signatures(of: name).filter { $0.receiver == nil }
            guard !globals.isEmpty else { continue }
            items.append(Self.item(
                name, .function, detail: globals.map { $0.signature(named: name) }.joined(separator: "\n"),
                doc: FunctionDocs.doc(of: name)))
        }
        items.append(Self.item("has", .keyword, doc: FunctionDocs.doc(of: "has")))
        return items
    }

    /// The fields of an object type (with the schema's own types: money, enum...), then the
    /// functions and macros that take it as receiver.
    func memberItems(of type: CELType, environment: Environment, schema: Schema?) -> [JSON] {
        var items: [JSON] = []
        if case .object(let object) = type {
            let record = schema?.record(named: object.name)
            for field in object.fields {
                let declared = record?.fields.first { $0.name == field.name }?.type.description
                items.append(Self.item(field.name, .field, detail: declared ?? field.type.description, doc: field.doc))
            }
        }
        if case .list = type {
            for macro in FunctionDocs.macros where macro != "has" {
                items.append(Self.item(macro, .function, doc: FunctionDocs.doc(of: macro)))
            }
        }
        for name in environment.functionNamesForCompletion {
            let fitting = environment.signatures(of: name).filter { $0.receiver.map { Self.sameKind($0, type) } ?? false }
            guard !fitting.isEmpty else { continue }
            items.append(Self.item(
                name, .function, detail: fitting.map { $0.signature(named: name) }.joined(separator: "\n"),
                doc: FunctionDocs.doc(of: name)))
        }
        return items
    }

    /// Whether a receiver type accepts a value of `type` (same constructor, type parameters fit).
    static func sameKind(_ receiver: CELType, _ type: CELType) -> Bool {
        switch (receiver, type) {
        case (.parameter, _), (.dyn, _): return true
        case (.list, .list), (.map, .map): return true
        default: return receiver == type
        }
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    /// The brackets to close an unfinished expression's open `(`, `[` and `{` (quoted text
    /// skipped), so the checker can type what is written so far.
    static func closers(of text: String) -> String {
        var stack: [Character] = []
        var quote: Character?
        var escaped = false
        for character in text {
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case "(": stack.append(")")
            case "[": stack.append("]")
            case "{": stack.append("}")
            case ")", "]", "}": if !stack.isEmpty { stack.removeLast() }
            default: break
            }
        }
        return String(stack.reversed())
    }

    func dossierCompletion(_ cursor: Cursor, schema: Schema) -> [JSON] {
        guard let path = DossierPath.at(line: cursor.location.line, column: cursor.location.column, in: cursor.document.text),
              let record = DossierPath.record(
                path.parents, root: DossierPath.rootRecord(for: cursor.kind, schema: schema), schema: schema)
        else { return [] }
        if !path.afterColon {
            return record.fields.map { Self.item($0.name, .field, detail: $0.type.description, doc: $0.doc) }
        }
        guard let field = record.fields.first(where: { $0.name == path.key }) else { return [] }
        switch field.type {
        case .enumeration(let values): return values.map { Self.item($0, .enumMember, detail: field.name) }
        case .bool: return ["true", "false"].map { Self.item($0, .value, detail: field.name) }
        default:
            if let constant = field.const { return [Self.item(constant, .value, detail: field.name)] }
            return []
        }
    }
}
