import RuleEngine
import Testing

@Suite struct DigestTests {
    /// FIPS 180-2's test vectors, in the `sha256:<hex>` form reports print.
    @Test func knownDigests() {
        #expect(sha256Digest(Array("abc".utf8))
            == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(sha256Digest([])
            == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
