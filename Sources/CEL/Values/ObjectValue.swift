/// A record value whose fields sit in the slot order of its `ObjectType`.
///
/// `present[i]` says whether field `i` was written in the document (what `has()` tests);
/// an absent field reads as `fields[i]`, which holds its schema default or null.
public final class ObjectValue: Sendable {
    public let type: ObjectType
    public let fields: [Value]
    public let present: [Bool]
    /// Where the record stands in its document, when it was read from one.
    public let origin: ValueOrigin?
    /// Where each present scalar field stands, in slot order (nil when absent or unknown).
    /// Its `path` may hold only the field's name: use `origin(ofField:)` for the full path.
    /// Empty when a record kept for later (slate rules) dropped them to save memory.
    public let fieldOrigins: [ValueOrigin?]

    public init(
        type: ObjectType, fields: [Value], present: [Bool], origin: ValueOrigin? = nil,
        fieldOrigins: [ValueOrigin?]? = nil
    ) {
        precondition(fields.count == type.fields.count && present.count == type.fields.count)
        self.type = type
        self.fields = fields
        self.present = present
        self.origin = origin
        self.fieldOrigins = fieldOrigins ?? Array(repeating: nil, count: type.fields.count)
    }
}

extension ObjectValue {
    /// Where a present scalar field stands, with its full path (`discipline[0].date`).
    ///
    /// Readers store only each scalar's location and name (building a path string for every
    /// scalar of every dossier would dominate screening time); the full path is joined here,
    /// when a finding or an evidence item needs it.
    public func origin(ofField slot: Int) -> ValueOrigin? {
        guard slot >= 0, slot < fieldOrigins.count, let stored = fieldOrigins[slot] else { return nil }
        let name = type.fields[slot].name
        let parent = origin?.path ?? ""
        return stored.with(path: parent.isEmpty ? name : parent + "." + name)
    }
}

extension ObjectValue {
    /// Where a read of a field points: the field itself when it was written, else the record
    /// that lacks it (an absent field reads as its default or null), with the field's full path.
    public func readOrigin(ofField slot: Int) -> ValueOrigin? {
        if let written = origin(ofField: slot) { return written }
        guard let origin, slot >= 0, slot < type.fields.count else { return nil }
        let name = type.fields[slot].name
        return origin.with(path: origin.path.isEmpty ? name : origin.path + "." + name)
    }
}

/// A list value; `origin` is set when it was read from a document.
///
/// Most lists hold their elements. A list may instead read them from an `ElementSource`
/// one at a time — the slate's candidates, kept on disk by a large screening — so that
/// loops, `size` and indexing never hold more than the element at hand.
public final class ListValue: Sendable {
    private let stored: [Value]
    private let source: (any ElementSource)?
    public let origin: ValueOrigin?

    public init(_ elements: [Value], origin: ValueOrigin? = nil) {
        self.stored = elements
        self.source = nil
        self.origin = origin
    }

    /// A list whose elements `source` gives on demand.
    public init(source: any ElementSource, origin: ValueOrigin? = nil) {
        self.stored = []
        self.source = source
        self.origin = origin
    }

    public var count: Int { source?.count ?? stored.count }

    /// Every element at once. A list read from a source builds them all: loops over a list
    /// that may be large use `count` and the subscript instead.
    public var elements: [Value] {
        guard let source else { return stored }
        return (0..<source.count).map(source.element(at:))
    }

    /// The elements of a list backed by a source, read one at a time.
    public protocol ElementSource: Sendable {
        var count: Int { get }
        func element(at index: Int) -> Value
    }
}

/// Loops over a list (`for x in list`, `contains`, `first`) read a source's elements one at a
/// time instead of building them all.
extension ListValue: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(position: Int) -> Value { source?.element(at: position) ?? stored[position] }
}
