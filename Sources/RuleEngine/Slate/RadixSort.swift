/// Sorts 64-bit integers by their bytes, least significant first (LSD radix sort): the
/// blocking keys of a slate pair rule, a dozen a candidate, are sorted once all candidates
/// are in, while no dossier is screened any more and one thread waits for it. At a million
/// entries a comparison sort made 20 million unpredictable branches; this makes eight
/// counting passes over the array at most, and skips a byte that every entry has alike
/// (the high bytes of a candidate's position).
enum RadixSort {
    /// Below this, the standard library's sort is faster than eight passes.
    static let smallCount = 512

    static func sort(_ values: inout [UInt64]) {
        guard values.count >= smallCount else {
            values.sort()
            return
        }
        var scratch = [UInt64](repeating: 0, count: values.count)
        var counts = [Int](repeating: 0, count: 256 * 8)
        // One pass counts every byte of every entry.
        values.withUnsafeBufferPointer { source in
            counts.withUnsafeMutableBufferPointer { counts in
                for value in source {
                    for digit in 0..<8 { counts[digit * 256 + Int(truncatingIfNeeded: value >> (8 * UInt64(digit))) & 0xFF] += 1 }
                }
            }
        }
        for digit in 0..<8 {
            let shift = UInt64(8 * digit)
            let byteCounts = counts[(digit * 256)..<(digit * 256 + 256)]
            // A byte that all entries share leaves the order as it is.
            if byteCounts.contains(values.count) { continue }
            // Where the next entry with each byte goes.
            var next = [Int](repeating: 0, count: 256)
            var total = 0
            for (byte, count) in byteCounts.enumerated() {
                next[byte] = total
                total += count
            }
            values.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    next.withUnsafeMutableBufferPointer { next in
                        for value in source {
                            let byte = Int(truncatingIfNeeded: value >> shift) & 0xFF
                            target[next[byte]] = value
                            next[byte] += 1
                        }
                    }
                }
            }
            swap(&values, &scratch)
        }
    }
}
