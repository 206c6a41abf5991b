@testable import Diagnostics
import Testing

/// The writer's byte buffer grows past its capacity without losing bytes, and copies of it
/// (and of a writer) stay independent, as arrays do.
@Suite struct OutputBytesTests {
    @Test func growsAndKeepsEveryByte() {
        var bytes = OutputBytes(capacity: 1)
        var expected: [UInt8] = []
        for round in 0..<300 {
            let byte = UInt8(truncatingIfNeeded: round)
            bytes.append(byte)
            expected.append(byte)
            let run = [UInt8](repeating: byte &+ 1, count: round % 37)
            run.withUnsafeBytes { bytes.append($0) }
            expected += run
            bytes.append(constant: "ab")
            expected += Array("ab".utf8)
            bytes.append(utf8Of: "é\(round)")
            expected += Array("é\(round)".utf8)
        }
        #expect(bytes.count == expected.count)
        #expect(bytes.array == expected)
    }

    @Test func copiesAreIndependent() {
        var first = OutputBytes(capacity: 64)
        first.append(constant: "shared")
        var second = first
        second.append(constant: "-second")
        first.append(constant: "-first")
        #expect(first.array == Array("shared-first".utf8))
        #expect(second.array == Array("shared-second".utf8))
        var third = first
        third.removeAll()
        third.append(constant: "x")
        #expect(first.array == Array("shared-first".utf8))
        #expect(third.array == Array("x".utf8))
    }

    @Test func roomIsWrittenInPlace() {
        var bytes = OutputBytes(capacity: 4)
        bytes.append(constant: "ab")
        let room = bytes.space(for: 10)
        for index in 0..<10 { room[index] = UInt8(ascii: "0") + UInt8(index) }
        bytes.didWrite(10)
        #expect(bytes.array == Array("ab0123456789".utf8))
    }

    @Test func writerCopiesAreIndependent() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.int(1)
        var copy = writer
        copy.string("copy")
        copy.endArray()
        writer.int(2)
        writer.endArray()
        #expect(writer.output == "[1,2]")
        #expect(copy.output == #"[1,"copy"]"#)
        #expect(writer.utf8 == Array("[1,2]".utf8))
        #expect(writer.withUTF8 { Array($0) } == Array("[1,2]".utf8))
    }
}
