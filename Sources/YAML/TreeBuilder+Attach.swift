internal import CLibYAML
import Diagnostics

/// One open collection on the builder's stack.
///
/// It is only ever changed in place (`stack[last]`), and nodes are moved into it, never
/// copied: a copy of a node retains its strings and arrays, which dominated loading time.
struct Frame {
    /// What a mapping expects next: a key, the value of `key`, or a value to drop (after a
    /// duplicate or merge key, so the first value is kept and `<<` never becomes a field).
    enum Pending {
        case key
        case value(of: Node)
        case skippedValue(key: String)
    }

    let isMapping: Bool
    /// libyaml's mark where the collection starts.
    let start: yaml_mark_t
    let anchor: String?
    var items: [Node] = []
    var pairs: [Node.Pair] = []
    var pending = Pending.key
    /// Scalar key text → index of its pair in `pairs`; built once a mapping has
    /// `indexThreshold` pairs (a linear scan is faster below that), so checks stay O(n).
    var keyIndex: [String: Int]?
    /// Nodes in this subtree so far, itself included.
    var size = 1
    /// The greatest height among its children (a scalar is 0).
    var height = 0

    static let indexThreshold = 8

    init(isMapping: Bool, start: yaml_mark_t, anchor: String?) {
        self.isMapping = isMapping
        self.start = start
        self.anchor = anchor
    }

    /// The index in `pairs` of the first key with this text, if any. Mutating only so that
    /// `stack[last].firstDefinition` runs in place: as a plain method, the frame was copied.
    mutating func firstDefinition(ofKey text: String) -> Int? {
        if let keyIndex { return keyIndex[text] }
        for index in pairs.indices where pairs[index].key.hasScalarText(text) { return index }
        return nil
    }

    /// Takes what the mapping expects, leaving it expecting a key.
    mutating func takePending() -> Pending {
        var taken = Pending.key
        swap(&taken, &pending)
        return taken
    }

    /// Appends a pair (moved in), indexing its key once the mapping is large enough.
    mutating func append(_ pair: consuming Node.Pair) {
        if keyIndex != nil {
            if let text = pair.key.scalarText { keyIndex?[text] = pairs.count }
        } else if pairs.count + 1 >= Self.indexThreshold {
            var index: [String: Int] = [:]
            index.reserveCapacity(pairs.count * 2 + 2)
            for position in pairs.indices {
                if let text = pairs[position].key.scalarText, index[text] == nil { index[text] = position }
            }
            if let text = pair.key.scalarText, index[text] == nil { index[text] = pairs.count }
            keyIndex = index
        }
        // Most mappings of a dossier have a handful of fields: one allocation, not four.
        if pairs.isEmpty { pairs.reserveCapacity(Self.indexThreshold) }
        pairs.append(pair)
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
    /// The node is moved, not copied, all the way into its parent's array.
    mutating func attach(_ node: consuming Node, size: Int, height: Int, anchor: String?) {
        if let anchor { anchors[anchor] = Anchored(node: copy node, size: size, height: height) }
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

    private mutating func attachToMapping(_ node: consuming Node) {
        let last = stack.count - 1
        switch stack[last].takePending() {
        case .key:
            if let skipped = checkedKey(node) {
                stack[last].pending = .skippedValue(key: skipped)
            } else {
                stack[last].pending = .value(of: node)
            }
        case .value(let key):
            if stack[last].pairs.count >= limits.maxCollectionCount { return failCollectionTooLong() }
            stack[last].append(Node.Pair(key: key, value: node))
        case .skippedValue:
            break
        }
    }

    /// The text of `key` when its value must be dropped, after reporting a merge key or a
    /// duplicate; nil when the value is kept.
    private mutating func checkedKey(_ key: borrowing Node) -> String? {
        guard case .scalar(let scalar) = key.kind else { return nil }
        if scalar.text == "<<", scalar.style == .plain, scalar.tag == nil {
            let path = pathOfNextNode().appending(.key(scalar.text))
            diagnostics.append(YAMLMessages.mergeKey(at: key.start, path: path))
            return scalar.text
        }
        if let first = stack[stack.count - 1].firstDefinition(ofKey: scalar.text) {
            let path = pathOfNextNode().appending(.key(scalar.text))
            let firstLocation = stack[stack.count - 1].pairs[first].key.start
            diagnostics.append(YAMLMessages.duplicateKey(scalar.text, at: key.start, first: firstLocation, path: path))
            return scalar.text
        }
        return nil
    }

    private mutating func failCollectionTooLong() {
        let frame = stack[stack.count - 1]
        fail(YAMLMessages.collectionTooLong(
            isMapping: frame.isMapping, limit: limits.maxCollectionCount, at: marks.location(frame.start),
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
