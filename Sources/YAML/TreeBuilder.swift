internal import CLibYAML
import Diagnostics

/// Builds a `Node` tree from libyaml's events with an explicit stack, never recursion, so
/// that depth is checked on the event loop and a 10,000-deep file costs nothing before it
/// is rejected.
///
/// Problems that leave the tree usable (duplicate keys, merge keys, bad tags) are collected
/// and parsing goes on; syntax errors and crossed limits are fatal and leave no root.
struct TreeBuilder {
    let limits: YAMLLimits
    let marks: MarkConverter
    var diagnostics = DiagnosticList()
    var root: Node?
    /// The open collections, innermost last.
    var stack: [Frame] = []
    /// Completed anchored nodes by name; an alias inserts a copy (arrays share storage).
    var anchors: [String: Anchored] = [:]
    /// Nodes produced by alias expansion so far, against `limits.maxAliasNodes`.
    var aliasNodes = 0
    var documents = 0
    var failed = false

    init(limits: YAMLLimits, marks: MarkConverter) {
        self.limits = limits
        self.marks = marks
    }

    /// Runs the event loop to the end of the stream or the first fatal problem.
    mutating func run(_ parser: borrowing EventParser) {
        var done = false
        while !done && !failed {
            let step = parser.withNextEvent { event in handle(event) }
            switch step {
            case .success(let finished): done = finished
            case .failure(let diagnostic): fail(diagnostic)
            }
        }
    }

    /// The loaded document: no root after a fatal problem.
    func finish() -> YAMLDocument {
        YAMLDocument(
            root: failed ? nil : root, diagnostics: diagnostics.items,
            droppedDiagnostics: diagnostics.dropped)
    }

    mutating func fail(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        failed = true
    }

    // MARK: - Events

    /// Handles one event; true at the end of the stream.
    private mutating func handle(_ event: yaml_event_t) -> Bool {
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 { fail(YAMLMessages.multipleDocuments(at: marks.location(event.start_mark))) }
        case YAML_SCALAR_EVENT:
            scalar(event)
        case YAML_ALIAS_EVENT:
            alias(event)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            open(isMapping: false, at: event.start_mark, anchor: data.anchor, tag: data.tag)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            open(isMapping: true, at: event.start_mark, anchor: data.anchor, tag: data.tag)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            close(at: event.end_mark)
        default:
            break
        }
        return false
    }

    private mutating func scalar(_ event: yaml_event_t) {
        let data = event.data.scalar
        guard data.length <= limits.maxScalarBytes else {
            let size = Int(data.length)
            return fail(YAMLMessages.scalarTooLong(
                size: size, limit: limits.maxScalarBytes, at: marks.location(event.start_mark), path: pathOfNextNode()))
        }
        let text = ScalarStrings.string(libyamlUTF8: UnsafeBufferPointer(start: data.value, count: data.length))
        var tag: String?
        if let pointer = data.tag { tag = scalarTag(string(pointer), text: text, at: marks.location(event.start_mark)) }
        let node = Node(
            kind: .scalar(Node.Scalar(text: text, style: Self.style(data.style), tag: tag)),
            file: marks.file, span: marks.span(event.start_mark, event.end_mark))
        attach(node, size: 1, height: 0, anchor: data.anchor.map(string))
    }

    private mutating func alias(_ event: yaml_event_t) {
        let name = string(event.data.alias.anchor)
        let location = marks.location(event.start_mark)
        guard let anchored = anchors[name] else {
            return fail(YAMLMessages.undefinedAlias(name, at: location, path: pathOfNextNode()))
        }
        aliasNodes += anchored.size
        guard aliasNodes <= limits.maxAliasNodes else {
            return fail(YAMLMessages.aliasBudget(
                limit: limits.maxAliasNodes, at: location, path: pathOfNextNode()))
        }
        guard stack.count + anchored.height <= limits.maxDepth else {
            return fail(YAMLMessages.tooDeep(limit: limits.maxDepth, at: location, path: pathOfNextNode()))
        }
        attach(anchored.node, size: anchored.size, height: anchored.height, anchor: nil)
    }

    private mutating func open(
        isMapping: Bool, at mark: yaml_mark_t, anchor: UnsafeMutablePointer<yaml_char_t>?,
        tag: UnsafeMutablePointer<yaml_char_t>?
    ) {
        let start = marks.location(mark)
        guard stack.count < limits.maxDepth else {
            return fail(YAMLMessages.tooDeep(limit: limits.maxDepth, at: start, path: pathOfNextNode()))
        }
        if let tag { collectionTag(string(tag), isMapping: isMapping, at: start) }
        stack.append(Frame(isMapping: isMapping, start: mark, anchor: anchor.map(string)))
    }

    private mutating func close(at mark: yaml_mark_t) {
        guard let frame = stack.popLast() else { return }
        let kind: Node.Kind = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
        attach(Node(kind: kind, file: marks.file, span: marks.span(frame.start, mark)), size: frame.size,
               height: frame.height + 1, anchor: frame.anchor)
    }

    // MARK: - Helpers

    /// A NUL-terminated libyaml string (anchor, alias or tag) as a Swift string.
    func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: pointer)
    }

    static func style(_ style: yaml_scalar_style_t) -> Node.Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}

/// A node kept under its anchor, with the sizes an alias to it adds.
struct Anchored {
    var node: Node
    /// Nodes in the subtree, counted against the alias budget on each expansion.
    var size: Int
    /// Collections nested in it (0 for a scalar), added to the depth where it is expanded.
    var height: Int
}
