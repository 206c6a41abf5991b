/// A record value whose fields sit in the slot order of its `ObjectType`.
///
/// `present[i]` says whether field `i` was written in the document (what `has()` tests);
/// an absent field reads as `fields[i]`, which holds its schema default or null.
///
/// A record is one allocation (`ObjectStorage`): its fields, presence flags and field
/// positions sit in slots after its header, not in three arrays of their own. A dossier holds
/// about 60 records, and those arrays were a third of what loading it allocated and freed.
public struct ObjectValue: @unchecked Sendable {
    @usableFromInline let storage: ObjectStorage

    @usableFromInline
    init(storage: ObjectStorage) {
        self.storage = storage
    }

    /// `fieldOrigins`, when given, must name the record's file and each field's name as its
    /// path to be kept in the compact form readers use; other origins are kept as given.
    public init(
        type: ObjectType, fields: [Value], present: [Bool], origin: ValueOrigin? = nil,
        fieldOrigins: [ValueOrigin?]? = nil
    ) {
        precondition(fields.count == type.fields.count && present.count == type.fields.count)
        var positions: [ValuePosition?] = []
        let form: ObjectStorage.FieldOriginForm
        if let fieldOrigins {
            if let compact = ObjectStorage.positions(fieldOrigins, type: type, origin: origin) {
                positions = compact
                form = .positions(count: fieldOrigins.count)
            } else {
                form = .given(fieldOrigins)
            }
        } else {
            form = .positions(count: fields.count)
        }
        storage = ObjectStorage.make(type: type, origin: origin, fieldOrigins: form) { slot in
            ObjectStorage.Slot(
                value: fields[slot], position: slot < positions.count ? positions[slot] : nil, present: present[slot])
        }
    }

    @inlinable public var type: ObjectType { storage.type }
    /// Where the record stands in its document, when it was read from one.
    @inlinable public var origin: ValueOrigin? { storage.origin }
    /// The same for two values that are one record (copies of a record share its storage).
    public var identity: ObjectIdentifier { ObjectIdentifier(storage) }

    /// The field values, in slot order.
    @inlinable public var fields: Fields { Fields(storage: storage) }
    /// Per slot: whether the field was written.
    @inlinable public var present: Presence { Presence(storage: storage) }
    /// Where each present scalar field stands, in slot order (nil when absent or unknown).
    /// Its `path` may hold only the field's name: use `origin(ofField:)` for the full path.
    /// Empty when a record kept for later (slate rules) dropped them to save memory.
    public var fieldOrigins: FieldOrigins { FieldOrigins(storage: storage) }

    /// The field values of a record, in slot order.
    public struct Fields: RandomAccessCollection, @unchecked Sendable, CustomStringConvertible {
        @usableFromInline let storage: ObjectStorage
        @usableFromInline init(storage: ObjectStorage) { self.storage = storage }
        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { storage.count }
        @inlinable public subscript(slot: Int) -> Value { storage.slot(slot).value }
        public var description: String { Array(self).description }
    }

    /// Whether each field of a record was written, in slot order.
    public struct Presence: RandomAccessCollection, @unchecked Sendable, CustomStringConvertible {
        @usableFromInline let storage: ObjectStorage
        @usableFromInline init(storage: ObjectStorage) { self.storage = storage }
        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { storage.count }
        @inlinable public subscript(slot: Int) -> Bool { storage.slot(slot).present }
        public var description: String { Array(self).description }
    }

    /// Where each field of a record stands, in slot order; empty when the record dropped them.
    public struct FieldOrigins: RandomAccessCollection, @unchecked Sendable {
        let storage: ObjectStorage
        public var startIndex: Int { 0 }
        public var endIndex: Int { storage.fieldOriginCount }
        public subscript(slot: Int) -> ValueOrigin? {
            precondition(slot >= 0 && slot < endIndex, "field origin slot out of range")
            return storage.fieldOrigin(slot, path: nil)
        }
    }
}

extension ObjectValue {
    /// Where a present scalar field stands, with its full path (`discipline[0].date`).
    ///
    /// Readers store only each scalar's position (building a path string for every scalar of
    /// every dossier would dominate screening time); the full path is joined here, when a
    /// finding or an evidence item needs it.
    public func origin(ofField slot: Int) -> ValueOrigin? {
        guard slot >= 0, slot < storage.fieldOriginCount else { return nil }
        return storage.fieldOrigin(slot, path: Self.fieldPath)
    }

    /// `parent.name`, or `name` at the root: one string of the final size (`+` made two).
    static func fieldPath(_ parent: String, _ name: String) -> String {
        if parent.isEmpty { return name }
        var path = ""
        path.reserveCapacity(parent.utf8.count + 1 + name.utf8.count)
        path += parent
        path += "."
        path += name
        return path
    }
}

extension ObjectValue {
    /// Where a read of a field points: the field itself when it was written, else the record
    /// that lacks it (an absent field reads as its default or null), with the field's full path.
    public func readOrigin(ofField slot: Int) -> ValueOrigin? {
        if let written = origin(ofField: slot) { return written }
        guard let origin, slot >= 0, slot < type.fields.count else { return nil }
        let name = type.fields[slot].name
        return origin.with(path: Self.fieldPath(origin.path, name))
    }
}

/// A list value; `origin` is set when it was read from a document.
///
/// Most lists hold their elements. A list may instead read them from an `ElementSource`
/// one at a time — the slate's candidates, kept on disk by a large screening — so that
/// loops, `size` and indexing never hold more than the element at hand.
///
/// A list is one allocation (`ListStorage`): its elements sit after its header, not in an
/// array of their own. A dossier holds about 20 lists.
public struct ListValue: @unchecked Sendable {
    @usableFromInline let storage: ListStorage

    public init(_ elements: [Value], origin: ValueOrigin? = nil) {
        storage = elements.withUnsafeBufferPointer { ListStorage.make($0, origin: origin, source: nil) }
    }

    /// A list of a part of an array (a reader's scratch of items), copied.
    public init(_ elements: ArraySlice<Value>, origin: ValueOrigin? = nil) {
        storage = elements.withUnsafeBufferPointer { ListStorage.make($0, origin: origin, source: nil) }
    }

    /// A list of the items of a reader's scratch from `base` on, moved out of it rather than
    /// copied (no retain and release per item); `scratch` is left with its first `base` items.
    public init(movingItemsOf scratch: inout [Value], from base: Int, origin: consuming ValueOrigin? = nil) {
        let count = scratch.count - base
        precondition(count >= 0, "list scratch base out of range")
        let storage = ListStorage.make(uninitializedCount: count, origin: origin)
        scratch.withUnsafeMutableBufferPointer { buffer in
            guard let items = buffer.baseAddress.map({ $0 + base }), count > 0 else { return }
            storage.withUnsafeMutablePointerToElements { $0.moveInitialize(from: items, count: count) }
            // The moved-from places hold null, which holds no reference, until they are removed.
            items.initialize(repeating: .null, count: count)
        }
        self.storage = storage
        scratch.removeSubrange(base...)
    }

    /// A list whose elements `source` gives on demand.
    public init(source: any ElementSource, origin: ValueOrigin? = nil) {
        storage = ListStorage.make(UnsafeBufferPointer(start: nil, count: 0), origin: origin, source: source)
    }

    public var origin: ValueOrigin? { storage.origin }

    @inlinable public var count: Int { storage.source?.count ?? storage.count }

    /// Every element at once. A list read from a source builds them all: loops over a list
    /// that may be large use `count` and the subscript instead.
    public var elements: [Value] { Array(self) }

    /// The elements of a list backed by a source, read one at a time. A class, so that the
    /// optional source every list holds is one reference: a value-type existential made
    /// each `count` and subscript of every list copy it through the runtime.
    public protocol ElementSource: AnyObject, Sendable {
        var count: Int { get }
        func element(at index: Int) -> Value
    }
}

/// Loops over a list (`for x in list`, `contains`, `first`) read a source's elements one at a
/// time instead of building them all.
extension ListValue: RandomAccessCollection {
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
    @inlinable
    public subscript(position: Int) -> Value { storage.source?.element(at: position) ?? storage.element(position) }
}
