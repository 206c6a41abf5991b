import CEL
import Diagnostics
import RuleEngine

/// `textDocument/definition` (`params.NAME`, `let` and `for_each` names, rule ids in any
/// file of the rule set) and `textDocument/documentSymbol` (the rules of a file).
extension LanguageServer {
    func definition(_ params: JSON) throws(RequestFailure) -> JSON {
        let cursor = try self.cursor(params)
        if let expression = cursor.expression, let context = cursor.analysis?.prepared.context {
            let probe = ExpressionProbe.check(expression.source.text, in: expression.environment(context))
            switch expression.node(in: probe)?.kind {
            case .select(let operand, let field, _)?:
                if case .identifier("params") = operand.kind,
                   let parameter = cursor.analysis?.prepared.parameters.parameters.first(where: { $0.name == field }) {
                    return lspLocation(parameter.location)
                }
            case .identifier(let name)?:
                if let clause = expression.rule.lets.first(where: { $0.name == name }) { return lspLocation(clause.location) }
                if let clause = expression.rule.forEach.first(where: { $0.name == name }) { return lspLocation(clause.location) }
            default: break
            }
        }
        if let rule = cursor.ruleNamedAtCursor { return lspLocation(rule.idLocation) }
        return .null
    }

    /// An LSP `Location` for an appraise location, in whichever file it is.
    func lspLocation(_ location: SourceLocation) -> JSON {
        let position = text(of: location.file)?.position(of: location)
            ?? Position(line: max(0, location.line - 1), character: max(0, location.column - 1))
        return ["uri": .string(FileURI.uri(of: location.file)), "range": .range(position, position)]
    }

    /// The text of a file: the open document, else the file as read.
    func text(of path: String) -> DocumentText? {
        if let open = workspace.documents.values.first(where: { $0.path == path }) { return open.text }
        guard let bytes = try? workspace.fileSystem.read(path) else { return nil }
        return DocumentText(path: path, text: String(decoding: bytes, as: UTF8.self))
    }

    func documentSymbols(_ params: JSON) throws(RequestFailure) -> JSON {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let document = workspace.documents[uri] else {
            throw RequestFailure(code: .invalidParams, message: "the document is not open")
        }
        let (kind, _) = workspace.parse(document)
        guard kind == .rules, let analysis = workspace.ruleSet(for: document, kind: kind),
              let file = analysis.prepared.ruleSet.files.first(where: { $0.path == document.path }) else { return [] }
        let text = document.text
        let lastLine = max(0, text.source.lineStarts.count - 1)
        var symbols: [JSON] = []
        for (index, rule) in file.rules.enumerated() {
            let start = text.position(of: rule.location)
            let end = index + 1 < file.rules.count
                ? Position(line: max(start.line, text.position(of: file.rules[index + 1].location).line - 1), character: 0)
                : Position(line: lastLine, character: 0)
            let (idStart, idEnd) = text.wordRange(at: rule.idLocation)
            let children: [JSON] = rule.lets.map { clause in
                let (letStart, letEnd) = text.wordRange(at: clause.location)
                return ["name": .string(clause.name), "kind": 13, "range": .range(letStart, letEnd),
                        "selectionRange": .range(letStart, letEnd)]
            }
            symbols.append([
                "name": .string(rule.id), "detail": .string(rule.title.text(for: "en")), "kind": 12,
                "range": .range(min(start, idStart), max(end, idEnd)), "selectionRange": .range(idStart, idEnd),
                "children": .array(children),
            ])
        }
        return .array(symbols)
    }
}
