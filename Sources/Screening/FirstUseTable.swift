/// Where each candidate id was first used in a screening, in 8 bytes a slot: a 32-bit hash of
/// the id and the position of the file that used it. A million candidates cost 16 MiB, not
/// the ~60 MiB of a dictionary of ids (`docs/performance.md`, "Memory").
///
/// The ids themselves are not kept: an earlier candidate whose id hashes alike is read again
/// to compare its id and find where it stands. That happens for every real duplicate (an
/// input error) and for a few hundred hash collisions in a million candidates.
struct FirstUseTable {
    /// `hash << 32 | (position + 1)`; 0 is an empty slot. A power-of-two count, at most half full.
    private var slots: [UInt64]
    private var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Self.empty(size)
    }

    /// The positions of earlier candidates whose id hashes like `id`, in the order they came.
    func positions(sharingHashWith id: String) -> [Int] {
        let hash = Self.hash(id)
        var found: [Int] = []
        var slot = Int(hash) & (slots.count - 1)
        while slots[slot] != 0 {
            if slots[slot] >> 32 == UInt64(hash) { found.append(Int(slots[slot] & 0xFFFF_FFFF) - 1) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return found.sorted()
    }

    /// Records that the candidate at `position` is the first to use `id`.
    mutating func insert(_ id: String, position: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        place(UInt64(Self.hash(id)) << 32 | UInt64(position + 1))
        count += 1
    }

    private mutating func place(_ entry: UInt64) {
        var slot = Int(entry >> 32) & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = Self.empty(old.count * 2)
        for entry in old where entry != 0 { place(entry) }
    }

    private static func empty(_ size: Int) -> [UInt64] {
        [UInt64](repeating: 0, count: size)
    }

    /// FNV-1a, 32 bits, mixed so that the low bits (the slot) depend on every byte.
    private static func hash(_ id: String) -> UInt32 {
        var hash: UInt32 = 0x811c_9dc5
        for byte in id.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        hash ^= hash >> 16
        hash = hash &* 0x85eb_ca6b
        return hash ^ (hash >> 13)
    }
}
