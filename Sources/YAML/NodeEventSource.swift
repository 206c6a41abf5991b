import Diagnostics

/// A `Node` tree read as events, so that schema typing reads trees (rule examples,
/// `eval --input`, slate and decisions files, documents the event reader leaves to the tree)
/// with the same code as dossier bytes. The tree builder has already reported every YAML
/// problem, so this source never fails.
public struct NodeEventSource: YAMLEventSource {
    public typealias Failure = Never

    /// An open collection and how many of its children (keys and values, for a mapping) were read.
    private struct Frame {
        let node: Node
        let items: [Node]
        let pairs: [Node.Pair]
        let isMapping: Bool
        var read = 0

        /// The next child, nil after the last.
        mutating func nextChild() -> Node? {
            if isMapping {
                guard read < pairs.count * 2 else { return nil }
                defer { read += 1 }
                return read % 2 == 0 ? pairs[read / 2].key : pairs[read / 2].value
            }
            guard read < items.count else { return nil }
            defer { read += 1 }
            return items[read]
        }
    }

    private var root: Node?
    private var frames: [Frame] = []
    /// The node of the last event.
    private var current: Node

    /// Events of `root`, starting with its own.
    public init(_ root: Node) {
        self.root = root
        self.current = root
    }

    public mutating func next() -> YAMLEvent {
        let node: Node
        if let root {
            node = root
            self.root = nil
        } else {
            let last = frames.count - 1
            guard let child = frames[last].nextChild() else {
                let frame = frames.removeLast()
                current = frame.node
                return frame.isMapping ? .mappingEnd : .sequenceEnd
            }
            node = child
        }
        current = node
        switch node.kind {
        case .scalar:
            return .scalar
        case .sequence(let items):
            frames.append(Frame(node: node, items: items, pairs: [], isMapping: false))
            return .sequenceStart
        case .mapping(let pairs):
            frames.append(Frame(node: node, items: [], pairs: pairs, isMapping: true))
            return .mappingStart
        }
    }

    public mutating func skipCollection() {
        current = frames.removeLast().node
    }

    public func keyNotCheckedForDuplicates() {}

    public var start: SourceLocation { current.start }
    public var end: SourceLocation { current.end }
    public var span: Node.Span { current.span }
    public var scalarStyle: Node.Scalar.Style { current.scalar?.style ?? .plain }
    public var scalarTag: String? { current.scalar?.tag }

    public func withScalarBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = scalarText()
        return text.withUTF8(body)
    }

    public func scalarText() -> String { current.scalarText ?? "" }
}
