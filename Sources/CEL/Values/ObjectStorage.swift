import Diagnostics

/// The one allocation of a record (`ObjectValue`): a header (type, origin, slot count) and,
/// after it, a slot per field holding its value, whether it was written and where it stands.
///
/// Written only while a record is made (`ObjectValue.init`, `ObjectValue.Builder`); shared
/// read-only once it is a value. `ManagedBuffer` is never `Sendable`: the values that hold
/// one (`ObjectValue` and its views) are `@unchecked Sendable` for that reason.
@usableFromInline
final class ObjectStorage: ManagedBuffer<ObjectStorage.Header, ObjectStorage.Slot> {
    @usableFromInline
    struct Header {
        @usableFromInline let type: ObjectType
        @usableFromInline var origin: ValueOrigin?
        @usableFromInline let count: Int
        let fieldOrigins: FieldOriginForm
    }

    /// One field of the record.
    @usableFromInline
    struct Slot {
        @usableFromInline var value: Value
        /// Where the written field stands, in the record's file; nil when absent or unknown.
        @usableFromInline var position: ValuePosition?
        @usableFromInline var present: Bool

        @usableFromInline
        init(value: Value, position: ValuePosition?, present: Bool) {
            self.value = value
            self.position = position
            self.present = present
        }
    }

    /// How the record keeps the origins of its fields.
    enum FieldOriginForm {
        /// In the slots, as positions in the record's file under the field's name; `count` is
        /// the field count, or 0 for a record kept without them.
        case positions(count: Int)
        /// As given, when they do not fit that form (another file, another path).
        case given([ValueOrigin?])
    }

    /// A record of `type` whose slot `i` is `slot(i)`.
    static func make(
        type: ObjectType, origin: ValueOrigin?, fieldOrigins: FieldOriginForm, slot: (Int) -> Slot
    ) -> ObjectStorage {
        let count = type.fields.count
        let buffer = create(minimumCapacity: count) { _ in
            Header(type: type, origin: origin, count: count, fieldOrigins: fieldOrigins)
        }
        let storage = unsafeDowncast(buffer, to: ObjectStorage.self)
        storage.withUnsafeMutablePointerToElements { slots in
            for index in 0..<count { (slots + index).initialize(to: slot(index)) }
        }
        return storage
    }

    deinit {
        // Slot by slot, through the slot type's own destroy: `deinitialize(count:)` of many
        // goes through the runtime's generic array destroy, a witness call per slot.
        _ = withUnsafeMutablePointers { header, slots in
            for index in 0..<header.pointee.count { _ = (slots + index).move() }
        }
    }

    // The header is read in place, through its pointer: no copy of the whole header.
    // Inlinable, with the views of `ObjectValue`: rules read fields from other modules.
    @inlinable var type: ObjectType { withUnsafeMutablePointerToHeader { $0.pointee.type } }
    @inlinable var origin: ValueOrigin? { withUnsafeMutablePointerToHeader { $0.pointee.origin } }
    @inlinable var count: Int { withUnsafeMutablePointerToHeader { $0.pointee.count } }

    @inlinable
    func slot(_ index: Int) -> Slot {
        precondition(index >= 0 && index < count, "field slot out of range")
        return withUnsafeMutablePointerToElements { $0[index] }
    }

    /// Where the value of slot `index` is held: valid while the record lives, and never
    /// written once the record is a value (see `HeldOperand`). A slot's value is its first
    /// stored property, at the slot's own address (`HeldOperandTests` checks the layout).
    @inline(__always)
    func valuePointer(_ index: Int) -> UnsafePointer<Value> {
        precondition(index >= 0 && index < count, "field slot out of range")
        return withUnsafeMutablePointerToElements { slots in
            UnsafeRawPointer(slots + index).assumingMemoryBound(to: Value.self)
        }
    }

    /// Writes slot `index` of a record being made. A slot still null (every slot of a new
    /// record) has nothing to free: it is initialized over, not assigned, which spares the
    /// call that destroys the old value for every field a reader writes.
    @inlinable
    func setSlot(_ index: Int, _ slot: consuming Slot) {
        precondition(index >= 0 && index < count, "field slot out of range")
        // The slots stay where they are while the record lives (as in `valuePointer`).
        let target = withUnsafeMutablePointerToElements { $0 + index }
        if case .null = target.pointee.value {
            target.initialize(to: slot)
        } else {
            target.pointee = slot
        }
    }

    var fieldOriginCount: Int {
        withUnsafeMutablePointerToHeader { header in
            switch header.pointee.fieldOrigins {
            case .positions(let count): count
            case .given(let origins): origins.count
            }
        }
    }

    /// The origin of field `index` (below `fieldOriginCount`); its path is the field's name,
    /// or `path(record path, field name)` when given.
    func fieldOrigin(_ index: Int, path: ((String, String) -> String)?) -> ValueOrigin? {
        withUnsafeMutablePointers { header, slots in
            let name = header.pointee.type.fields[index].name
            let stored: ValueOrigin
            switch header.pointee.fieldOrigins {
            case .given(let origins):
                guard let given = origins[index] else { return nil }
                stored = given
            case .positions:
                guard let position = slots[index].position, let origin = header.pointee.origin else { return nil }
                stored = position.origin(in: origin.location.file, path: name)
            }
            guard let path else { return stored }
            return stored.with(path: path(header.pointee.origin?.path ?? "", name))
        }
    }

    /// `origins` as positions, one per field, when each names the record's file and its
    /// field's name and reads back the same from a position; nil when one does not, or when
    /// there are none to keep (an empty list).
    static func positions(_ origins: [ValueOrigin?], type: ObjectType, origin: ValueOrigin?) -> [ValuePosition?]? {
        guard origins.count == type.fields.count else { return origins.isEmpty ? [] : nil }
        var positions: [ValuePosition?] = []
        positions.reserveCapacity(origins.count)
        for (slot, fieldOrigin) in origins.enumerated() {
            guard let fieldOrigin else {
                positions.append(nil)
                continue
            }
            guard let origin, let position = ValuePosition(fieldOrigin),
                position.origin(in: origin.location.file, path: type.fields[slot].name) == fieldOrigin
            else { return nil }
            positions.append(position)
        }
        return positions
    }
}

extension ObjectValue {
    /// Makes a record in place as a reader meets its fields, in any order: every slot starts
    /// null, not written and without a position. No array of values, flags or origins is made
    /// on the way.
    public struct Builder: ~Copyable {
        @usableFromInline let storage: ObjectStorage

        public init(type: ObjectType) {
            storage = ObjectStorage.make(
                type: type, origin: nil, fieldOrigins: .positions(count: type.fields.count)
            ) { _ in ObjectStorage.Slot(value: .null, position: nil, present: false) }
        }

        /// Whether `slot` was written.
        @inlinable
        public func isPresent(_ slot: Int) -> Bool { storage.slot(slot).present }

        /// The written field in `slot`, and where it stands in the record's file.
        @inlinable
        public func set(_ slot: Int, to value: consuming Value, at position: ValuePosition?) {
            storage.setSlot(slot, ObjectStorage.Slot(value: value, position: position, present: true))
        }

        /// What an absent field in `slot` reads as (its schema default).
        @inlinable
        public func setAbsent(_ slot: Int, to value: consuming Value) {
            storage.setSlot(slot, ObjectStorage.Slot(value: value, position: nil, present: false))
        }

        /// The record, standing at `origin`; field positions are in its file.
        public consuming func finish(origin: ValueOrigin) -> ObjectValue {
            storage.withUnsafeMutablePointerToHeader { $0.pointee.origin = origin }
            return ObjectValue(storage: storage)
        }
    }
}
