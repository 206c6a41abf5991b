import Diagnostics
import YAML

extension RuleFileLoader {
    /// Every rule mapping of a rules file as far as it is written, parts missing left empty,
    /// so that editor tools (completion, hover) find the expression being typed in a rule that
    /// does not load yet. Problems are `load`'s to report: this reports none.
    public static func drafts(root: Node?, source: Source) -> [Rule] {
        guard let items = root?["rules"]?.sequence else { return [] }
        var parser = RuleParser(source: source)
        return items.enumerated().compactMap { order, item in parser.draft(item, order: order) }
    }
}

extension RuleParser {
    /// A rule from whatever its mapping holds: the parts present parsed as `rule` parses them.
    mutating func draft(_ node: Node, order: Int) -> Rule? {
        guard node.mapping != nil else { return nil }
        let id = scalarText(node, "id")
        let empty = LocalizedText(entries: [])
        return Rule(
            id: id?.text ?? "", title: localized(node, "title") ?? empty, severity: severity(node) ?? .note,
            basis: basis(node), scope: scope(node) ?? .candidate, forEach: forEach(node),
            lets: lets(node), when: expression(node, "when") ?? RuleExpression(source: .detached("", at: node.start)),
            at: expression(node, "at"), involved: expression(node, "involved"), pairKeys: expression(node, "pair_keys"),
            pairLinks: expression(node, "pair_links"), message: localized(node, "message") ?? empty,
            examples: RuleExamples(), location: node.start, idLocation: id?.location ?? node.start, examplesAsOf: nil,
            order: order)
    }
}
