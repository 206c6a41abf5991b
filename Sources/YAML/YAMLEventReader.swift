internal import CLibYAML
import Diagnostics

/// libyaml's events straight from a file's bytes, with no `Node` tree and no `String` per
/// scalar: the fast source of dossier typing.
///
/// It reads only what it can vouch for exactly as `YAMLLoader` would load it, and gives up
/// (`Fallback`) on everything else, so the caller loads the file with `YAMLLoader` and gets
/// the same YAML diagnostics as ever: a file over a limit, not UTF-8, empty or of several
/// documents; any syntax error; any anchor, alias or tag; and any mapping key the consumer
/// cannot vouch is unique (`keyNotCheckedForDuplicates`), which covers duplicate and merge keys.
public final class YAMLEventReader: YAMLEventSource {
    /// The file needs the tree loader: nothing read so far may be used.
    public struct Fallback: Error {}
    public typealias Failure = Fallback

    // Only `let`s: every `var` of a class costs a dynamic exclusivity check per access, and
    // these are read on every event. The mutable state sits behind pointers.
    private let parser: EventParser
    private let limits: YAMLLimits
    /// How many collections are open.
    private let depth: UnsafeMutablePointer<Int>
    /// Children read so far of each open collection, outermost first: limits the counts.
    private let children: UnsafeMutablePointer<Int>
    /// The deepest nesting `children` has room for: `limits.maxDepth`, or less when that is
    /// huge (a deeper file goes to the tree, which checks the real limit).
    private let capacity: Int
    /// The long scalar texts, each made once: the document's own table, or the caller's.
    private let strings: ScalarStringTable
    /// The event at hand, set by `next()`: read inline by the typing core (another module),
    /// so that a scalar's bytes and style, and any event's span, cost no call and no closure.
    @usableFromInline let scalar: UnsafeMutablePointer<ScalarAtHand>

    /// What `next()` keeps of an event, read only while that event is at hand: its span, and
    /// a scalar's bytes and style (left as they were by other events).
    @usableFromInline
    struct ScalarAtHand {
        @usableFromInline var bytes: UnsafeBufferPointer<UInt8>
        @usableFromInline var style: Node.Scalar.Style
        /// libyaml's 0-based marks, copied for every event and made a span only when read:
        /// cheaper than a call for each scalar the typing core keeps.
        @usableFromInline var startLine: Int
        @usableFromInline var startColumn: Int
        @usableFromInline var endLine: Int
        @usableFromInline var endColumn: Int

        /// Keeps the marks of `event`.
        mutating func mark(_ event: yaml_event_t) {
            (startLine, startColumn) = (event.start_mark.line, event.start_mark.column)
            (endLine, endColumn) = (event.end_mark.line, event.end_mark.column)
        }
    }

    private init(bytes: UnsafeRawBufferPointer, file: String, limits: YAMLLimits, strings: ScalarStringTable?) {
        parser = EventParser(bytes: bytes, marks: MarkConverter(file: file))
        self.limits = limits
        self.strings = strings ?? ScalarStringTable()
        capacity = max(0, min(limits.maxDepth, 256))
        depth = .allocate(capacity: 1)
        depth.initialize(to: 0)
        children = .allocate(capacity: max(capacity, 1))
        scalar = .allocate(capacity: 1)
        scalar.initialize(to: ScalarAtHand(
            bytes: UnsafeBufferPointer(start: nil, count: 0), style: .plain,
            startLine: 0, startColumn: 0, endLine: 0, endColumn: 0))
    }

    deinit {
        depth.deallocate()
        children.deallocate()
        scalar.deallocate()
    }

    /// Runs `body` over the events of the one document in `bytes` (a file named `file`), then
    /// checks that the stream ends there; nil when the reader or `body` gave up. `strings`, when
    /// given, is where the document's long scalar texts are kept and looked up (a caller's table
    /// kept across the documents of one thread); else the reader makes one for the document.
    public static func read<R>(
        bytes: UnsafeRawBufferPointer, file: String, limits: YAMLLimits, strings: ScalarStringTable? = nil,
        _ body: (YAMLEventReader) throws(Fallback) -> R
    ) -> R? {
        guard bytes.count <= limits.maxFileBytes, InputEncoding.detect(bytes) == .utf8 else { return nil }
        let reader = YAMLEventReader(
            bytes: InputEncoding.droppingUTF8BOM(bytes), file: file, limits: limits, strings: strings)
        do {
            try reader.expect(YAML_STREAM_START_EVENT)
            try reader.expect(YAML_DOCUMENT_START_EVENT)
            let result = try body(reader)
            try reader.expect(YAML_DOCUMENT_END_EVENT)
            try reader.expect(YAML_STREAM_END_EVENT)
            return result
        } catch {
            return nil
        }
    }

    private func expect(_ type: yaml_event_type_t) throws(Fallback) {
        guard parser.advance(), parser.current.type == type else { throw Fallback() }
        scalar.pointee.mark(parser.current)
    }

    public func next() throws(Fallback) -> YAMLEvent {
        guard parser.advance() else { throw Fallback() }
        let event = parser.current
        scalar.pointee.mark(event)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            guard data.anchor == nil, data.tag == nil, data.length <= limits.maxScalarBytes else { throw Fallback() }
            try countChild()
            scalar.pointee.bytes = UnsafeBufferPointer(start: data.value, count: data.length)
            scalar.pointee.style = TreeBuilder.style(data.style)
            return .scalar
        case YAML_SEQUENCE_START_EVENT:
            guard event.data.sequence_start.anchor == nil, event.data.sequence_start.tag == nil else { throw Fallback() }
            try open()
            return .sequenceStart
        case YAML_MAPPING_START_EVENT:
            guard event.data.mapping_start.anchor == nil, event.data.mapping_start.tag == nil else { throw Fallback() }
            try open()
            return .mappingStart
        case YAML_SEQUENCE_END_EVENT:
            depth.pointee -= 1
            return .sequenceEnd
        case YAML_MAPPING_END_EVENT:
            depth.pointee -= 1
            return .mappingEnd
        default:
            // An alias, or an event out of place for a consumer reading one node.
            throw Fallback()
        }
    }

    /// Counts a child of the innermost collection. Stricter than the tree for mappings (it
    /// counts keys and values), which only ever sends a huge mapping to the tree.
    @inline(__always)
    private func countChild() throws(Fallback) {
        let last = depth.pointee - 1
        guard last >= 0 else { return }
        children[last] += 1
        guard children[last] <= limits.maxCollectionCount else { throw Fallback() }
    }

    private func open() throws(Fallback) {
        try countChild()
        guard depth.pointee < capacity else { throw Fallback() }
        children[depth.pointee] = 0
        depth.pointee += 1
    }

    /// Skipping would read keys unchecked for duplicates: the tree reads such a file.
    public func skipCollection() throws(Fallback) { throw Fallback() }

    public func keyNotCheckedForDuplicates() throws(Fallback) { throw Fallback() }

    public var start: SourceLocation { parser.marks.location(parser.current.start_mark) }
    public var end: SourceLocation { parser.marks.location(parser.current.end_mark) }
    /// Kept by `next()`: read inline, with no call, for every scalar the typing core keeps.
    @inlinable public var span: Node.Span {
        let at = scalar.pointee
        return Node.Span(
            zeroBasedStartLine: at.startLine, startColumn: at.startColumn, endLine: at.endLine, endColumn: at.endColumn)
    }
    @inlinable public var scalarStyle: Node.Scalar.Style { scalar.pointee.style }
    /// Always nil: a tagged scalar sends the file to the tree.
    @inlinable public var scalarTag: String? { nil }

    @inlinable
    public func withScalarBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(scalar.pointee.bytes)
    }

    public func scalarText() -> String {
        strings.string(scalar.pointee.bytes)
    }
}
