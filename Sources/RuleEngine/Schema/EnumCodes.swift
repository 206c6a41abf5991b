import YAML

/// An enum type's codes with the `UTF8Key` of each, so that a scalar is matched against them
/// as numbers, not `String` by `String`: every enum scalar of every dossier is matched.
///
/// `@unchecked Sendable`: the keys sit behind a pointer, written only in `init` and read-only
/// afterwards (freed in `deinit`).
final class EnumCodes: @unchecked Sendable {
    /// The codes, in the schema's order.
    let codes: [String]
    private let keys: UnsafeMutablePointer<UTF8Key>
    private let count: Int

    init(_ codes: [String]) {
        self.codes = codes
        count = codes.count
        keys = .allocate(capacity: max(count, 1))
        for (index, code) in codes.enumerated() {
            var code = code
            (keys + index).initialize(to: code.withUTF8 { UTF8Key($0) })
        }
    }

    deinit {
        keys.deinitialize(count: count)
        keys.deallocate()
    }

    /// The index of the first code whose UTF-8 is exactly `bytes`; nil when none is.
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let wanted = UTF8Key(bytes)
        for index in 0..<count where keys[index] == wanted {
            if wanted.count <= 16 || UTF8Bytes.same(codes[index], bytes) { return index }
        }
        return nil
    }
}
