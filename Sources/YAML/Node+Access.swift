/// Typed getters, so consumers read a node without switching on `kind` every time.
extension Node {
    /// The scalar, when this node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The items, when this node is a sequence.
    public var sequence: [Node]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The pairs in file order, when this node is a mapping.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The value of the first pair whose key is a scalar with this text; nil when this node is
    /// not a mapping or has no such key. A linear scan: build a dictionary for many lookups.
    public subscript(key: String) -> Node? {
        guard case .mapping(let pairs) = kind else { return nil }
        for pair in pairs {
            if case .scalar(let scalar) = pair.key.kind, scalar.text == key { return pair.value }
        }
        return nil
    }

    /// "a mapping", "a list" or "a scalar", for messages such as "expected a list, found a scalar".
    public var kindName: String {
        switch kind {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
