import Diagnostics

/// One open collection on the builder's stack.
struct Frame {
    /// What a mapping expects next: a key, the value of `key`, or a value to drop (after a
    /// duplicate or merge key, so the first value is kept and `<<` never becomes a field).
    enum Pending {
        case key
        case value(of: Node)
        case skippedValue(key: String)
    }

    let isMapping: Bool
    let start: SourceLocation
    let anchor: String?
    var items: [Node] = []
    var pairs: [Node.Pair] = []
    var pending = Pending.key
    /// Scalar key text → where it was first defined; built once a mapping has
    /// `indexThreshold` pairs (a linear scan is faster below that), so checks stay O(n).
    var keyIndex: [String: SourceLocation]?
    /// Nodes in this subtree so far, itself included.
    var size = 1
    /// The greatest height among its children (a scalar is 0).
    var height = 0

    static let indexThreshold = 8

    init(isMapping: Bool, start: SourceLocation, anchor: String?) {
        self.isMapping = isMapping
        self.start = start
        self.anchor = anchor
    }

    /// Where the first key with this text was defined, if any.
    func firstDefinition(ofKey text: String) -> SourceLocation? {
        if let keyIndex { return keyIndex[text] }
        for pair in pairs {
            if case .scalar(let scalar) = pair.key.kind, scalar.text == text { return pair.key.start }
        }
        return nil
    }

    mutating func append(_ pair: Node.Pair) {
        pairs.append(pair)
        if keyIndex != nil {
            if case .scalar(let scalar) = pair.key.kind { keyIndex?[scalar.text] = pair.key.start }
        } else if pairs.count >= Self.indexThreshold {
            var index: [String: SourceLocation] = [:]
            index.reserveCapacity(pairs.count * 2)
            for pair in pairs {
                if case .scalar(let scalar) = pair.key.kind { index[scalar.text] = pair.key.start }
            }
            keyIndex = index
        }
    }

    /// The path step from this collection to the child it reads next, nil for a mapping key.
    var nextComponent: NodePath.Component? {
        guard isMapping else { return .index(items.count) }
        switch pending {
        case .key: return nil
        case .value(let key): return .key(key.scalar?.text ?? key.kindName)
        case .skippedValue(let key): return .key(key)
        }
    }
}

extension TreeBuilder {
    /// Puts a completed node in its parent (or makes it the root) and records its anchor.
    mutating func attach(_ node: Node, size: Int, height: Int, anchor: String?) {
        if let anchor { anchors[anchor] = Anchored(node: node, size: size, height: height) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let last = stack.count - 1
        stack[last].size += size
        stack[last].height = max(stack[last].height, height)
        if stack[last].isMapping {
            attachToMapping(node)
        } else if stack[last].items.count >= limits.maxCollectionCount {
            failCollectionTooLong()
        } else {
            stack[last].items.append(node)
        }
    }

    private mutating func attachToMapping(_ node: Node) {
        let last = stack.count - 1
        switch stack[last].pending {
        case .key:
            stack[last].pending = checkedKey(node)
        case .value(let key):
            stack[last].pending = .key
            if stack[last].pairs.count >= limits.maxCollectionCount { return failCollectionTooLong() }
            stack[last].append(Node.Pair(key: key, value: node))
        case .skippedValue:
            stack[last].pending = .key
        }
    }

    /// What to do with the value of `key`: keep it, or drop it after reporting a merge key
    /// or a duplicate.
    private mutating func checkedKey(_ key: Node) -> Frame.Pending {
        guard case .scalar(let scalar) = key.kind else { return .value(of: key) }
        let path = pathOfNextNode().appending(.key(scalar.text))
        if scalar.text == "<<", scalar.style == .plain, scalar.tag == nil {
            diagnostics.append(YAMLMessages.mergeKey(at: key.start, path: path))
            return .skippedValue(key: scalar.text)
        }
        if let first = stack[stack.count - 1].firstDefinition(ofKey: scalar.text) {
            diagnostics.append(YAMLMessages.duplicateKey(scalar.text, at: key.start, first: first, path: path))
            return .skippedValue(key: scalar.text)
        }
        return .value(of: key)
    }

    private mutating func failCollectionTooLong() {
        let frame = stack[stack.count - 1]
        fail(YAMLMessages.collectionTooLong(
            isMapping: frame.isMapping, limit: limits.maxCollectionCount, at: frame.start,
            path: path(throughFrames: stack.count - 1)))
    }

    /// The path of the node the innermost open collection reads next.
    func pathOfNextNode() -> NodePath { path(throughFrames: stack.count) }

    /// The path given by the next-child steps of the outermost `count` frames.
    func path(throughFrames count: Int) -> NodePath {
        var path = NodePath()
        for frame in stack.prefix(count) {
            if let component = frame.nextComponent { path.components.append(component) }
        }
        return path
    }

    // MARK: - Tags

    /// The short form of a scalar's tag, after reporting one that is not a core tag or does
    /// not fit the text.
    mutating func scalarTag(_ tag: String, text: String, at location: SourceLocation) -> String {
        let short = CoreTag.shorten(tag)
        guard let core = CoreTag(shortName: short) else {
            diagnostics.append(YAMLMessages.unsupportedTag(short, at: location, path: pathOfNextNode()))
            return short
        }
        if core == .map || core == .seq {
            diagnostics.append(YAMLMessages.misplacedTag(short, on: "a scalar", at: location, path: pathOfNextNode()))
        } else if !core.accepts(text) {
            diagnostics.append(YAMLMessages.tagMismatch(short, text: text, at: location, path: pathOfNextNode()))
        }
        return short
    }

    /// Reports a collection tag other than `!!map` on a mapping or `!!seq` on a list.
    mutating func collectionTag(_ tag: String, isMapping: Bool, at location: SourceLocation) {
        let short = CoreTag.shorten(tag)
        guard let core = CoreTag(shortName: short) else {
            return diagnostics.append(YAMLMessages.unsupportedTag(short, at: location, path: pathOfNextNode()))
        }
        if core != (isMapping ? .map : .seq) {
            diagnostics.append(YAMLMessages.misplacedTag(
                short, on: isMapping ? "a mapping" : "a list", at: location, path: pathOfNextNode()))
        }
    }
}
