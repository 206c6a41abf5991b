import CEL
import Diagnostics
import RuleEngine

/// The CEL expression of a rule file the cursor is in, and the UTF-8 offset of the cursor in
/// the expression's text (the text the compiler sees), found through the same
/// `EmbeddedSource` mapping that places compile errors.
struct ExpressionAtCursor {
    let rule: Rule
    let source: EmbeddedSource
    let site: RuleExpressionSite
    let offset: Int

    /// Every expression of a rule with its site, message placeholders included.
    static func expressions(of rule: Rule) -> [(EmbeddedSource, RuleExpressionSite)] {
        var found: [(EmbeddedSource, RuleExpressionSite)] = []
        for (index, clause) in rule.forEach.enumerated() { found.append((clause.iterable.source, .forEach(index))) }
        for (index, clause) in rule.lets.enumerated() { found.append((clause.expression.source, .letEntry(index))) }
        for expression in [rule.when, rule.at, rule.involved, rule.pairKeys, rule.pairLinks].compactMap({ $0 }) {
            found.append((expression.source, .body))
        }
        for entry in rule.message.entries {
            for segment in MessageTemplate.parse(entry.source).0.segments {
                if case .expression(let source) = segment { found.append((source, .body)) }
            }
        }
        return found
    }

    /// The expression holding `location`, if any.
    static func find(_ location: SourceLocation, in rules: [Rule]) -> ExpressionAtCursor? {
        for rule in rules {
            for (source, site) in expressions(of: rule) {
                if let offset = offset(of: location, in: source) {
                    return ExpressionAtCursor(rule: rule, source: source, site: site, offset: offset)
                }
            }
        }
        return nil
    }

    /// The UTF-8 offset in `source.text` whose location is `location` (the end counts).
    static func offset(of location: SourceLocation, in source: EmbeddedSource) -> Int? {
        let start = source.location(ofUTF8Offset: 0)
        let end = source.location(ofUTF8Offset: source.text.utf8.count)
        guard start.file == location.file, (start.line, start.column) <= (location.line, location.column),
              (location.line, location.column) <= (end.line, end.column) else { return nil }
        var offset = 0
        for scalar in source.text.unicodeScalars {
            if source.location(ofUTF8Offset: offset) == location { return offset }
            offset += scalar.utf8.count
        }
        return source.location(ofUTF8Offset: offset) == location ? offset : nil
    }

    /// The environment the compiler checks this expression in.
    func environment(_ context: RuleContext) -> Environment {
        RuleCompiler.environment(of: rule, at: site, context: context)
    }

    /// The innermost node whose anchor (identifier, field name, function name) holds the cursor.
    func node(in probe: ExpressionProbe) -> Expr? {
        guard let info = probe.parsed?.sourceInfo else { return nil }
        var best: (Expr, Int)?
        for node in probe.nodes {
            guard let anchor = info.anchor(of: node.id), anchor.lowerBound <= offset, offset <= anchor.upperBound else { continue }
            switch node.kind {
            case .identifier, .select, .call, .comprehension: break
            default: continue
            }
            let width = anchor.count
            if best == nil || width < best!.1 { best = (node, width) }
        }
        return best?.0
    }
}
