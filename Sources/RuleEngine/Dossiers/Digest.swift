import Crypto

/// `sha256:<hex>` of a file's bytes, the digest reports print for every dossier read.
public func sha256Digest(_ bytes: [UInt8]) -> String {
    let prefix: StaticString = "sha256:"
    let hex: StaticString = "0123456789abcdef"
    let digest = SHA256.hash(data: bytes)
    // One string written in place: no array of the prefix, of the digits or of the text.
    return digest.withUnsafeBytes { hash in
        String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + 2 * hash.count) { text in
            prefix.withUTF8Buffer { prefixBytes in
                for (offset, byte) in prefixBytes.enumerated() { text[offset] = byte }
            }
            let digits = hex.utf8Start
            var offset = prefix.utf8CodeUnitCount
            for byte in hash {
                text[offset] = digits[Int(byte >> 4)]
                text[offset + 1] = digits[Int(byte & 0x0f)]
                offset += 2
            }
            return offset
        }
    }
}
