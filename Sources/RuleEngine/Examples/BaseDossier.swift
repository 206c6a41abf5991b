import CEL
import Diagnostics
import YAML

/// Builds the dossier an example describes (`details.md` §14): the example's top-level keys
/// replace the base dossier's, except `candidate`, merged key by key; the reserved key `as_of`
/// is taken out and gives the example's date, and the reserved key `slate` (a slate file's
/// `slate` mapping) is taken out and given to candidate rules as the `slate` variable. The
/// example's nodes keep their own marks, so a validation error points into the rule file.
public enum BaseDossier {
    /// The merged dossier node and the example's `as_of` and `slate` nodes, when it has them.
    public static func merge(base: Node, example: Node) -> (dossier: Node, asOf: Node?, slate: Node?) {
        let basePairs = base.mapping ?? []
        let examplePairs = example.mapping ?? []
        var merged = basePairs
        var asOf: Node?
        var slate: Node?
        for pair in examplePairs {
            let key = pair.key.scalar?.text
            if key == "as_of" {
                asOf = pair.value
                continue
            }
            if key == "slate" {
                slate = pair.value
                continue
            }
            if let index = merged.firstIndex(where: { $0.key.scalar?.text == key }) {
                if key == "candidate", let baseCandidate = merged[index].value.mapping, pair.value.mapping != nil {
                    let candidate = mergeKeys(baseCandidate, into: pair.value)
                    merged[index] = Node.Pair(key: merged[index].key, value: candidate)
                } else {
                    merged[index] = pair
                }
            } else {
                merged.append(pair)
            }
        }
        return (Node(kind: .mapping(merged), start: base.start, end: base.end), asOf, slate)
    }

    /// `override`'s keys replace `base`'s, in the base's order, new ones appended.
    private static func mergeKeys(_ base: [Node.Pair], into override: Node) -> Node {
        var pairs = base
        for pair in override.mapping ?? [] {
            if let index = pairs.firstIndex(where: { $0.key.scalar?.text == pair.key.scalar?.text }) {
                pairs[index] = pair
            } else {
                pairs.append(pair)
            }
        }
        return Node(kind: .mapping(pairs), start: override.start, end: override.end)
    }

    /// A plain scalar node placed at `location` (for synthetic keys such as `format`).
    static func scalar(_ text: String, at location: SourceLocation) -> Node {
        Node(kind: .scalar(.init(text: text)), start: location, end: location)
    }

    /// A slate file node `{format: slate/1, slate: ..., candidates: []}` around an example's
    /// `slate` mapping, so the schema validates it as in a slate file.
    static func slateFile(_ slate: Node) -> Node {
        let at = slate.start
        return Node(
            kind: .mapping([
                .init(key: scalar("format", at: at), value: scalar("slate/1", at: at)),
                .init(key: scalar("slate", at: at), value: slate),
                .init(key: scalar("candidates", at: at), value: Node(kind: .sequence([]), start: at, end: at)),
            ]), start: at, end: slate.end)
    }
}
