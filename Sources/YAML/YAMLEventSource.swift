import Diagnostics

/// One step of a YAML document as a consumer reads it: collections open and close, scalars
/// come one at a time. Anchors, aliases and tags are the source's business, not the reader's.
public enum YAMLEvent: Sendable, Hashable {
    case scalar
    case sequenceStart
    case sequenceEnd
    case mappingStart
    case mappingEnd

    /// "a scalar", "a list" or "a mapping" for the node an event starts, as `Node.kindName`.
    public var kindName: String {
        switch self {
        case .scalar: "a scalar"
        case .sequenceStart, .sequenceEnd: "a list"
        case .mappingStart, .mappingEnd: "a mapping"
        }
    }
}

/// The events of one document's root node, read one at a time, with the marks of the node
/// at hand: what schema typing consumes, so that one set of typing rules reads both a `Node`
/// tree (`NodeEventSource`) and libyaml's events straight from the bytes (`YAMLEventReader`).
///
/// After `next()` returns `.scalar`, the scalar's bytes, style, tag, `start` and `end` are
/// readable until the following `next()`; after a start event, `start` is the collection's;
/// after an end event, `end` is where the collection ends.
public protocol YAMLEventSource {
    /// Why a source stops before the end (`Never` for a tree, which is already checked).
    associatedtype Failure: Error

    /// The next event of the root node.
    mutating func next() throws(Failure) -> YAMLEvent
    /// Consumes the rest of the collection whose start event was just read, to its end event.
    mutating func skipCollection() throws(Failure)
    /// Called for a mapping key the consumer cannot vouch is unique (not a known field, or a
    /// field met twice): a tree has already reported duplicate and merge keys; a source that
    /// checks no keys must stop rather than let a duplicate through.
    mutating func keyNotCheckedForDuplicates() throws(Failure)

    /// Where the current node starts.
    var start: SourceLocation { get }
    /// Where the current scalar, or the collection just closed, ends.
    var end: SourceLocation { get }
    /// `start` and `end` as numbers, without the file: what a reader keeps for each of the
    /// many scalars of a document (no file name to copy and release per scalar).
    var span: Node.Span { get }
    /// The current scalar's style.
    var scalarStyle: Node.Scalar.Style { get }
    /// The current scalar's tag in short form, nil when none was written.
    var scalarTag: String? { get }
    /// Runs `body` over the current scalar's UTF-8 bytes, valid only during the call.
    func withScalarBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R
    /// The current scalar's text as a `String` (built, for a source that reads bytes).
    func scalarText() -> String
}
