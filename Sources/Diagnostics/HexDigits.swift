/// Bytes as lower-case hexadecimal text after a prefix (`sha256:<hex>`, `C-<hex>`), written
/// straight into the result: digests are made for every dossier read.
public enum HexDigits {
    /// `prefix` then two lower-case hex digits per byte of `bytes`.
    public static func string(prefix: StaticString, _ bytes: UnsafeRawBufferPointer) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + 2 * bytes.count) { text in
            let start = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
            var offset = text.initialize(fromContentsOf: start)
            for byte in bytes {
                text[offset] = digits.utf8Start[Int(byte >> 4)]
                text[offset + 1] = digits.utf8Start[Int(byte & 0x0f)]
                offset += 2
            }
            return offset
        }
    }
}
