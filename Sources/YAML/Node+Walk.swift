/// Visiting a tree with the path of each node.
extension Node {
    /// Calls `body` with every node and its path from this node, parents before children,
    /// in file order. Mapping values are visited under their key's text (a key that is not a
    /// scalar is written with its `kindName`); keys themselves are not visited.
    ///
    /// Recursive, which is safe because the loader bounds depth by `YAMLLimits.maxDepth`.
    public func walk(_ body: (NodePath, Node) -> Void) {
        walk(path: .root, body)
    }

    private func walk(path: NodePath, _ body: (NodePath, Node) -> Void) {
        body(path, self)
        switch kind {
        case .scalar:
            break
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                item.walk(path: path.appending(.index(index)), body)
            }
        case .mapping(let pairs):
            for pair in pairs {
                let key = pair.key.scalar?.text ?? pair.key.kindName
                pair.value.walk(path: path.appending(.key(key)), body)
            }
        }
    }
}
