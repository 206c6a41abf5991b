import Crypto
import Diagnostics

/// `sha256:<hex>` of a file's bytes, the digest reports print for every dossier read.
public func sha256Digest(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).withUnsafeBytes { HexDigits.string(prefix: "sha256:", $0) }
}
