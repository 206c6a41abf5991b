import Crypto

/// `sha256:<hex>` of a file's bytes, the digest reports print for every dossier read.
public func sha256Digest(_ bytes: [UInt8]) -> String {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    var text: [UInt8] = Array("sha256:".utf8)
    text.reserveCapacity(7 + 64)
    for byte in SHA256.hash(data: bytes) {
        text.append(hex[Int(byte >> 4)])
        text.append(hex[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
}
