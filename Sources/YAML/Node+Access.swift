/// Typed getters, so consumers read a node without switching on `kind` every time.
extension Node {
    /// The scalar, when this node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The text of the scalar, when this node is one (without copying the rest of it).
    public var scalarText: String? {
        if case .scalar(let scalar) = kind { return scalar.text }
        return nil
    }

    /// Whether this node is a scalar with exactly this text; compares in place.
    public func hasScalarText(_ text: String) -> Bool {
        if case .scalar(let scalar) = kind { return scalar.text == text }
        return false
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
        for index in pairs.indices where pairs[index].key.hasScalarText(key) { return pairs[index].value }
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
