/// The one matching core of review decisions, baselines and `appraise diff`: two findings
/// are the same finding when their identity fingerprints are equal; among several with one
/// identity, one with equal content is preferred (`decisions.md`).
public struct FingerprintIndex: Sendable {
    private var positions: [String: [Int]] = [:]
    private let contents: [String?]

    /// Indexes items by identity; a nil content (a decision that names none) matches any.
    public init(_ items: [(identity: String, content: String?)]) {
        contents = items.map(\.content)
        for (position, item) in items.enumerated() { positions[item.identity, default: []].append(position) }
    }

    /// The positions of the items with this identity, those whose content equals `content`
    /// (or names none) first, each in input order.
    public func candidates(identity: String, content: String) -> [Int] {
        let all = positions[identity] ?? []
        return all.filter { contents[$0] == nil || contents[$0] == content }
            + all.filter { contents[$0] != nil && contents[$0] != content }
    }

    /// Whether the item at `position` has the same content as `content` (or names none).
    public func sameContent(_ position: Int, _ content: String) -> Bool {
        contents[position] == nil || contents[position] == content
    }
}
