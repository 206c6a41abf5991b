import Diagnostics
import Testing
import YAML

@Suite struct MarksTests {
    @Test func fixturePositionsOfEveryNode() throws {
        let document = YAMLLoader.load(bytes: try fixture("marks.yaml"), file: "marks.yaml")
        #expect(document.diagnostics.isEmpty)
        #expect(outline(document.root) == [
            " @2:1-16:1",
            "name @2:7-2:20 \"Nguyễn Văn An\"",
            "born @3:7-3:17 \"1975-03-02\"",
            "quoted @4:9-4:17 \"Hà Nội\"",
            "single @5:9-5:18 \"Đà Nẵng\"",
            "roles @7:3-9:1",
            "roles[0] @7:5-7:10 \"chair\"",
            "roles[1] @8:5-8:41",
            "roles[1].title @8:14-8:26 \"phó bí thư\"",
            "roles[1].since @8:35-8:39 \"2020\"",
            "note @9:7-12:1 \"first line\\nsecond line\\n\"",
            "folded @12:9-15:1 \"one two\"",
            "empty @15:7-15:7 \"\"",
        ])
    }

    @Test func keysKeepTheirOwnMarks() {
        let root = load("alpha: 1\nbeta: 2\n").root
        let keys = root?.mapping?.map { "\($0.key.scalar?.text ?? "?")@\(at($0.key.start))" }
        #expect(keys == ["alpha@1:1", "beta@2:1"])
    }

    @Test func byteOrderMarkDoesNotShiftColumns() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: xin chào\n".utf8)
        let document = load(bytes: bytes)
        #expect(document.diagnostics.isEmpty)
        #expect(outline(document.root) == [
            " @1:1-3:1", "a @1:4-1:5 \"1\"", "b @2:4-2:12 \"xin chào\"",
        ])
    }

    @Test func crlfLineEnds() {
        let document = load("a: 1\r\nb:\r\n  - x\r\n  - |\r\n    t\r\n")
        #expect(document.diagnostics.isEmpty)
        #expect(outline(document.root) == [
            " @1:1-6:1", "a @1:4-1:5 \"1\"", "b @3:3-6:1", "b[0] @3:5-3:6 \"x\"",
            "b[1] @4:5-6:1 \"t\\n\"",
        ])
    }

    @Test func loneCRLineEnds() {
        let document = load("a: 1\rb: 2\rc:\r  d: x\r")
        #expect(document.diagnostics.isEmpty)
        #expect(outline(document.root) == [
            " @1:1-5:1", "a @1:4-1:5 \"1\"", "b @2:4-2:5 \"2\"", "c @4:3-5:1",
            "c.d @4:6-4:7 \"x\"",
        ])
    }

    @Test func vietnameseTextCountsScalarsNotBytes() {
        // "Đảng ủy" is 7 scalars but 11 UTF-8 bytes; the value after it starts at column 16.
        let document = load("{ Đảng ủy: [ trường, \"học\" ] }")
        #expect(outline(document.root) == [
            " @1:1-1:31", "[\"Đảng ủy\"] @1:12-1:29", "[\"Đảng ủy\"][0] @1:14-1:20 \"trường\"",
            "[\"Đảng ủy\"][1] @1:22-1:27 \"học\"",
        ])
    }

    @Test func decomposedVietnameseCountsEachScalar() {
        // "ệ" written as e + U+0323 + U+0302 is three scalars, so the value moves two columns.
        let nfd = load("k\u{65}\u{323}\u{302}: v\n")
        #expect(nfd.root?.mapping?.first.map { at($0.value.start) } == "1:7")
    }
}

@Suite struct BlockScalarMarksTests {
    @Test func blockAndMultiLineScalars() throws {
        let document = YAMLLoader.load(bytes: try fixture("block-scalars.yaml"), file: "b.yaml")
        #expect(document.diagnostics.isEmpty)
        #expect(outline(document.root) == [
            " @1:1-16:1",
            "keep @1:7-4:1 \"kept\\n\\n\"",
            "strip @4:8-6:1 \"stripped\"",
            "indented @6:11-8:1 \"  two extra\\n\"",
            "folded @8:9-13:1 \"a b\\nc\\n\"",
            "quoted @13:9-14:12 \"line one line two\"",
            "last @15:7-15:10 \"end\"",
        ])
        #expect(document.root?.mapping?.map { "\($0.value.scalar?.style ?? .plain)" } == [
            "literal", "literal", "literal", "folded", "doubleQuoted", "plain",
        ])
    }
}
