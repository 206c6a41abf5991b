/// The one allocation of a list (`ListValue`): a header (element count, origin, element
/// source) and, after it, the elements themselves — not a class holding an array of them.
///
/// Written only while a list is made; shared read-only once it is a value. `ManagedBuffer`
/// is never `Sendable`: `ListValue` is `@unchecked Sendable` for that reason.
@usableFromInline
final class ListStorage: ManagedBuffer<ListStorage.Header, Value> {
    @usableFromInline
    struct Header {
        /// The elements held after the header (0 for a list read from a source).
        @usableFromInline let count: Int
        /// Set once, as the list is made (`make(uninitializedCount:origin:)`).
        @usableFromInline var origin: ValueOrigin?
        @usableFromInline let source: (any ListValue.ElementSource)?
    }

    /// A list holding a copy of `elements`, or reading them from `source` when it has one.
    /// Not generic: an unspecialized collection's subscript allocates a frame per element.
    static func make(
        _ elements: UnsafeBufferPointer<Value>, origin: ValueOrigin?, source: (any ListValue.ElementSource)?
    ) -> ListStorage {
        let count = elements.count
        let buffer = create(minimumCapacity: count) { _ in Header(count: count, origin: origin, source: source) }
        let storage = unsafeDowncast(buffer, to: ListStorage.self)
        if let base = elements.baseAddress {
            storage.withUnsafeMutablePointerToElements { $0.initialize(from: base, count: count) }
        }
        return storage
    }

    /// A list of `count` elements that the caller initializes before anything reads them
    /// (`ListValue(movingItemsOf:)` moves them in), standing at `origin`. The origin is moved in
    /// through the header's pointer: a closure would copy it, retaining its file name and path
    /// once more for every list a reader makes.
    static func make(uninitializedCount count: Int, origin: consuming ValueOrigin?) -> ListStorage {
        let buffer = create(minimumCapacity: count) { _ in Header(count: count, origin: nil, source: nil) }
        let storage = unsafeDowncast(buffer, to: ListStorage.self)
        // The header stays where it is while the list lives.
        let header = storage.withUnsafeMutablePointerToHeader { $0 }
        header.pointee.origin = origin
        return storage
    }

    deinit {
        // One by one, as `ObjectStorage` does: no generic array destroy per list.
        _ = withUnsafeMutablePointers { header, elements in
            for index in 0..<header.pointee.count { _ = (elements + index).move() }
        }
    }

    // The header is read in place, through its pointer: no copy of the whole header.
    @inlinable var count: Int { withUnsafeMutablePointerToHeader { $0.pointee.count } }
    @inlinable var origin: ValueOrigin? { withUnsafeMutablePointerToHeader { $0.pointee.origin } }
    @inlinable var source: (any ListValue.ElementSource)? { withUnsafeMutablePointerToHeader { $0.pointee.source } }

    @inlinable
    func element(_ index: Int) -> Value {
        precondition(index >= 0 && index < count, "list index out of range")
        return withUnsafeMutablePointerToElements { $0[index] }
    }
}
