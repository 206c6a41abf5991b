import Synchronization

/// The slot a field name was last found at, and in which record type, for a select the checker
/// could not resolve (`d.year` where `d` is `dyn`): the next record of the same type, the usual
/// case, finds its field without looking the name up again.
///
/// Nodes are shared by every thread evaluating a rule, so the two halves are atomics and may be
/// read torn or stale; a hit is therefore checked — the same type, whose field names are all
/// different, holding this name at that slot — and anything else is looked up as before. The
/// answer is always `ObjectType.slot(of:isASCII:)`'s.
final class SlotCache: Sendable {
    private let type = Atomic<Int>(0)
    private let slot = Atomic<Int>(-1)

    func slot(of name: String, in objectType: ObjectType, isASCII: Bool) -> Int? {
        let identity = Int(bitPattern: ObjectIdentifier(objectType))
        let cached = slot.load(ordering: .relaxed)
        if type.load(ordering: .relaxed) == identity, objectType.hasDistinctFieldNames, cached >= 0,
            cached < objectType.fields.count, Value.sameUTF8(objectType.fields[cached].name, name)
        {
            return cached
        }
        let found = objectType.slot(of: name, isASCII: isASCII)
        if let found {
            type.store(identity, ordering: .relaxed)
            slot.store(found, ordering: .relaxed)
        }
        return found
    }
}
