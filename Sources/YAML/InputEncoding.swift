/// Recognises the encoding of an input from its first bytes, so that only UTF-8 reaches
/// libyaml (which would otherwise decode UTF-16 silently) and a UTF-8 BOM is dropped before
/// parsing, leaving lines and columns as an editor shows them.
enum InputEncoding: Equatable {
    case utf8
    case utf16(bigEndian: Bool)
    case utf32(bigEndian: Bool)

    /// The name used in messages.
    var name: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16: "UTF-16"
        case .utf32: "UTF-32"
        }
    }

    /// The encoding of `bytes`, from a byte-order mark or, without one, from the NUL-byte
    /// pattern of the first four bytes (YAML 1.2 §5.2: a stream starts with an ASCII character).
    static func detect(_ bytes: UnsafeRawBufferPointer) -> InputEncoding {
        let b = (0..<4).map { $0 < bytes.count ? Int(bytes[$0]) : -1 }
        if b[0] == 0x00 && b[1] == 0x00 && b[2] == 0xFE && b[3] == 0xFF { return .utf32(bigEndian: true) }
        if b[0] == 0xFF && b[1] == 0xFE && b[2] == 0x00 && b[3] == 0x00 { return .utf32(bigEndian: false) }
        if b[0] == 0xFE && b[1] == 0xFF { return .utf16(bigEndian: true) }
        if b[0] == 0xFF && b[1] == 0xFE { return .utf16(bigEndian: false) }
        if b[0] == 0x00 && b[1] == 0x00 && b[2] == 0x00 && b[3] > 0 { return .utf32(bigEndian: true) }
        if b[0] > 0 && b[1] == 0x00 && b[2] == 0x00 && b[3] == 0x00 { return .utf32(bigEndian: false) }
        if b[0] == 0x00 && b[1] > 0 { return .utf16(bigEndian: true) }
        if b[0] > 0 && b[1] == 0x00 { return .utf16(bigEndian: false) }
        return .utf8
    }

    /// The bytes after a UTF-8 byte-order mark, or all of them when there is none.
    static func droppingUTF8BOM(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF else {
            return bytes
        }
        return UnsafeRawBufferPointer(rebasing: bytes[3...])
    }
}
