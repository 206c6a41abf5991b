import CEL
import Diagnostics
import RuleEngine
import YAML

/// `textDocument/hover`: in an expression, a field's type and schema doc, a function's
/// signatures and doc, a parameter's values and effective dates, a name's type; on a rule
/// id anywhere (a rule file, a test file), the rule's title, severity and basis; on a
/// dossier key, the field's type and doc.
extension LanguageServer {
    func hover(_ params: JSON) throws(RequestFailure) -> JSON {
        let cursor = try self.cursor(params)
        guard let markdown = hoverText(cursor) else { return .null }
        return ["contents": ["kind": "markdown", "value": .string(markdown)]]
    }

    func hoverText(_ cursor: Cursor) -> String? {
        if let expression = cursor.expression, let context = cursor.analysis?.prepared.context {
            if let text = expressionHover(expression, context: context, prepared: cursor.analysis?.prepared) {
                return text
            }
        }
        if let rule = cursor.ruleNamedAtCursor { return Self.ruleHover(rule) }
        if cursor.kind == .dossier || cursor.kind == .baseDossier || cursor.kind == .slate,
           let schema = cursor.analysis?.prepared.schema,
           let field = DossierPath.field(at: cursor, schema: schema) {
            return Self.fieldHover(name: field.name, type: field.type.description, doc: field.doc)
        }
        return nil
    }

    static func ruleHover(_ rule: Rule) -> String {
        let heading = "**\(rule.id)** (\(rule.severity.rawValue)): \(rule.title.text(for: "en"))"
        guard rule.basis.entries.count > 1 else { return heading + "\n\nBasis: \(rule.basis.entries[0].value)" }
        return heading + "\n\nBasis:" + datedLines(rule.basis) { $0 }
    }

    /// One line a dated entry, `- since 2025-10-08, until …: value`, as `rules list` dates them.
    static func datedLines<V>(_ values: DatedValues<V>, _ show: (V) -> String) -> String {
        values.entries.enumerated().map { index, entry in
            let since = entry.since.map { "since \($0)" } ?? "always"
            let until = values.until(index).map { ", until \($0)" } ?? ""
            return "\n\n- \(since)\(until): \(show(entry.value))"
        }.joined()
    }

    static func fieldHover(name: String, type: String, doc: String) -> String {
        "`\(name)`: \(type)" + (doc.isEmpty ? "" : "\n\n\(doc)")
    }

    func expressionHover(_ expression: ExpressionAtCursor, context: RuleContext, prepared: PreparedRuleSet?) -> String? {
        let probe = ExpressionProbe.check(expression.source.text, in: expression.environment(context))
        guard let node = expression.node(in: probe) else { return nil }
        switch node.kind {
        case .select(let operand, let field, _):
            if case .identifier("params") = operand.kind, let parameter = prepared?.parameters.parameters.first(where: { $0.name == field }) {
                return Self.parameterHover(parameter)
            }
            guard case .object(let object)? = probe.type(of: operand.id), let slot = object.slot(of: field) else {
                return probe.type(of: node.id).map { "`\(field)`: \($0)" }
            }
            let spec = object.fields[slot]
            // The schema's own type (money, enum of ...) says more than the CEL type (int, string).
            let declared = prepared?.schema?.record(named: object.name)?.fields.first { $0.name == field }?.type.description
            return Self.fieldHover(name: "\(object.name).\(spec.name)", type: declared ?? spec.type.description, doc: spec.doc)
        case .identifier(let name):
            let type = probe.type(of: node.id).map(\.description) ?? "dyn"
            if let clause = expression.rule.lets.first(where: { $0.name == name }) {
                return "`let \(name)`: \(type)\n\n```cel\n\(clause.expression.text.trimmingCharacters(in: " \n"))\n```"
            }
            if let clause = expression.rule.forEach.first(where: { $0.name == name }) {
                return "`for_each \(name) in \(clause.iterable.text.trimmingCharacters(in: " \n"))`: \(type)"
            }
            return "`\(name)`: \(type)"
        case .comprehension(let comprehension):
            let name = comprehension.kind.rawValue
            let type = probe.type(of: node.id).map { ": \($0)" } ?? ""
            return "`\(name)` (macro)\(type)" + (FunctionDocs.doc(of: name).map { "\n\n\($0)" } ?? "")
        case .call(let function, _, _):
            let environment = expression.environment(context)
            let signatures = environment.signatures(of: function).map { $0.signature(named: function) }
            guard !signatures.isEmpty || FunctionDocs.doc(of: function) != nil else { return nil }
            var text = signatures.isEmpty ? "" : "```\n" + signatures.joined(separator: "\n") + "\n```"
            if let doc = FunctionDocs.doc(of: function) { text += (text.isEmpty ? "" : "\n\n") + doc }
            return text
        default: return nil
        }
    }

    static func parameterHover(_ parameter: Parameter) -> String {
        var text = "`params.\(parameter.name)`: \(parameter.type)"
        if let basis = parameter.basis { text += "\n\nBasis: \(basis)" }
        return text + datedLines(parameter.values) { "`\($0.displayText)`" }
    }
}
