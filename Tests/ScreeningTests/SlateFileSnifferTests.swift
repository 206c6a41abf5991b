import Screening
import Testing

/// The `format:` line that tells a slate or decisions file from a dossier before parsing.
@Suite struct SlateFileSnifferTests {
    static func format(_ text: String) -> String? {
        SlateFileSniffer.format(Array(text.utf8))
    }

    @Test func theFirstTopLevelFormatLineGivesItsValue() {
        #expect(Self.format("format: slate/1\nslate:\n") == "slate/1")
        #expect(Self.format("# a slate\nname: x\nformat: decisions/1\n") == "decisions/1")
        #expect(Self.format("format:dossier/1") == "dossier/1")
        #expect(Self.format("a: 1\n  format: slate/1\n") == nil, "an indented key is not top level")
        #expect(Self.format("") == nil)
        #expect(Self.format("formats: slate/1\n") == nil)
    }

    @Test func quotesSpacesTabsAndCommentsAreLeftOut() {
        #expect(Self.format("format: 'slate/1'\n") == "slate/1")
        #expect(Self.format("format:\t\"decisions/1\"  # the review file\n") == "decisions/1")
        #expect(Self.format("format: slate/1#not-a-comment\n") == "slate/1#not-a-comment")
        #expect(Self.format("format:   \n") == "")
        #expect(Self.format("format: ' ' # blank\n") == "")
    }

    @Test func aByteOrderMarkAndWindowsLineEndsAreRead() {
        #expect(SlateFileSniffer.format([0xEF, 0xBB, 0xBF] + Array("format: slate/1\r\nslate: {}\r\n".utf8)) == "slate/1")
        #expect(Self.format("a: 1\r\nformat: decisions/1\r\n") == "decisions/1")
        #expect(SlateFileSniffer.isSlateFile(Array("x: 1\rformat: slate/1".utf8)))
    }

    @Test func nonASCIIAndBrokenUTF8StayInTheValue() {
        #expect(Self.format("format: hồ-sơ/1\n") == "hồ-sơ/1")
        #expect(SlateFileSniffer.format(Array("format: s".utf8) + [0xFF] + Array(" # x".utf8)) == "s\u{FFFD}")
        #expect(!SlateFileSniffer.isSlateFile(Array("format: slate/1 \u{301}\n".utf8)))
    }
}
