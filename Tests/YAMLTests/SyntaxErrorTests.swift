import Diagnostics
import Testing
import TestSupport
import YAML

@Suite struct SyntaxErrorTests {
    @Test func invalidUTF8IsLocatedByItsOffset() {
        let document = load(bytes: Array("a: ok\nb: x".utf8) + [0xFF] + Array("\n".utf8))
        #expect(document.root == nil)
        #expect(descriptions(document) == [
            "t.yaml:2:5: error: invalid leading UTF-8 octet (byte 0xFF) [yaml.syntax]",
        ])
    }

    @Test func invalidUTF8AfterVietnameseTextAndBOM() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("tên: Đảng".utf8) + [0xC3, 0x28]
        #expect(descriptions(load(bytes: bytes)) == [
            "t.yaml:1:10: error: invalid trailing UTF-8 octet (byte 0x28) [yaml.syntax]",
        ])
    }

    @Test func nulByte() {
        let document = load(bytes: Array("a: b".utf8) + [0] + Array("c\n".utf8))
        #expect(descriptions(document) == [
            "t.yaml:1:5: error: control characters are not allowed (U+0000) [yaml.syntax]",
        ])
    }

    @Test func tabIndentation() {
        let document = load("a:\n\tb: 1\n")
        #expect(descriptions(document) == [
            "t.yaml:2:1: error: found character that cannot start any token while scanning for the next token [yaml.syntax]",
        ])
    }

    @Test func unterminatedQuoteHasANoteWhereItStarts() {
        let document = load("a: 1\nb: \"abc\n")
        #expect(descriptions(document) == [
            "t.yaml:3:1: error: found unexpected end of stream while scanning a quoted scalar [yaml.syntax]",
        ])
        #expect(document.diagnostics.first?.notes == [Diagnostic.Note("a quoted scalar starts here", at: SourceLocation(file: "t.yaml", line: 2, column: 4))])
    }

    @Test func badIndentation() {
        let document = load("a:\n  b: 1\n c: 2\n")
        #expect(descriptions(document) == [
            "t.yaml:3:2: error: did not find expected key while parsing a block mapping [yaml.syntax]",
        ])
        #expect(document.diagnostics.first?.notes.map { "\($0.message) @\(at($0.location))" } == [
            "a block mapping starts here @1:1",
        ])
    }

    @Test func utf16AndUTF32AreRejected() {
        let text = "a: 1\n"
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let utf16 = "t.yaml:1:1: error: the file is UTF-16; save the file as UTF-8 [yaml.encoding]"
        #expect(descriptions(load(bytes: [0xFF, 0xFE] + le)) == [utf16])
        #expect(descriptions(load(bytes: [0xFE, 0xFF] + be)) == [utf16])
        #expect(descriptions(load(bytes: le)) == [utf16])
        #expect(descriptions(load(bytes: be)) == [utf16])
        let utf32 = "t.yaml:1:1: error: the file is UTF-32; save the file as UTF-8 [yaml.encoding]"
        let le32: [UInt8] = text.unicodeScalars.flatMap { [UInt8($0.value), 0, 0, 0] as [UInt8] }
        #expect(descriptions(load(bytes: [0xFF, 0xFE, 0, 0] + le32)) == [utf32])
        #expect(descriptions(load(bytes: le32)) == [utf32])
        #expect(descriptions(load(bytes: [0, 0, 0, 0x61])) == [utf32])
        #expect(load(bytes: le).root == nil)
    }

    /// Truncations and byte flips of a real file: every one loads or fails with diagnostics,
    /// never a crash, and a failure never leaves a root.
    @Test func mangledInputNeverCrashes() throws {
        let bytes = try fixture("marks.yaml")
        for end in 0...bytes.count {
            let document = load(bytes: Array(bytes[..<end]))
            #expect(document.root != nil || document.diagnostics.isEmpty || document.hasErrors)
        }
        var generator = SplitMix64(seed: 42)
        let specials: [UInt8] = [0, 0x09, 0x0D, 0x22, 0x27, 0x5B, 0x7B, 0x2A, 0x26, 0x21, 0x3A, 0x2D, 0xFF, 0xC3]
        for _ in 0..<500 {
            var mangled = bytes
            for _ in 0..<3 {
                let index = Int(generator.next() % UInt64(mangled.count))
                mangled[index] = specials[Int(generator.next() % UInt64(specials.count))]
            }
            let document = load(bytes: mangled)
            if document.hasErrors && !document.diagnostics.contains(where: { ["yaml.duplicate-key", "yaml.tag", "yaml.merge-key"].contains($0.code) }) {
                #expect(document.root == nil)
            }
        }
    }
}
