import Screening
/// The key file of `--redact-key`: its bytes key the HMAC of candidate-id pseudonyms. A
/// missing, unreadable or empty file is an error before anything is screened or written: a
/// report redacted with no key or the wrong one could not be compared with the others.
enum RedactionKey {
    static func read(_ path: String?) throws(CLIError) -> [UInt8]? {
        guard let path else { return nil }
        switch FileReader.read(path, limit: 1 << 20) {
        case .success(let bytes):
            guard !bytes.isEmpty else { throw CLIError.io(path: path, reason: "the --redact-key file is empty; put a secret in it (e.g. `head -c 32 /dev/urandom > FILE`)") }
            return bytes
        case .failure(let failure):
            throw CLIError.io(path: path, reason: "cannot read the --redact-key file: \(failure.message)")
        }
    }
}
