#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Screening
import Testing

/// `writeAll`: every byte written, or false with the reason in `errno` (what a report file on
/// a broken descriptor, standard output closed, or the audit log turn into their errors).
@Suite struct WriteAllTests {
    @Test func writesEveryByteOfALargeBuffer() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-writeall-\(UUID().uuidString)").path
        defer { unlink(path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(bytes.withUnsafeBytes { writeAll(descriptor, $0) })
        #expect([UInt8]().withUnsafeBytes { writeAll(descriptor, $0) })
        close(descriptor)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
    }

    @Test func aDescriptorThatCannotBeWrittenIsFalseWithItsReason() throws {
        let descriptor = open("/dev/null", O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        errno = 0
        #expect(!Array("line\n".utf8).withUnsafeBytes { writeAll(descriptor, $0) })
        #expect(errno == EBADF)
    }
}
