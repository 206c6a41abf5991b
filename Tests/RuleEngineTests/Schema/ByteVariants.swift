/// Texts as UTF-8 bytes next to their near misses, for the tests of matching scalars by their
/// bytes (`RecordPlan` field keys, `EnumCodes`): each text, and each with one byte changed,
/// its last byte dropped or a byte added.
enum ByteVariants {
    static func of(_ texts: [String]) -> [[UInt8]] {
        var variants: [[UInt8]] = []
        for text in texts {
            let bytes = Array(text.utf8)
            variants.append(bytes)
            variants.append(bytes + [UInt8(ascii: "x")])
            variants.append(Array(bytes.dropLast()))
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 0x01
                variants.append(changed)
            }
        }
        return variants
    }
}
