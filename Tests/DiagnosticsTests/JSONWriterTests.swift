import Foundation
import Diagnostics
import Testing

/// The writer escapes per RFC 8259, keeps non-ASCII as UTF-8 and lays out pretty output.
@Suite struct JSONWriterTests {
    func compact(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return writer.output
    }

    @Test func escapesQuotesBackslashesAndControls() {
        #expect(compact("a\"b\\c") == #""a\"b\\c""#)
        #expect(compact("x\ny\r\tz\u{08}\u{0C}") == #""x\ny\r\tz\b\f""#)
        #expect(compact("\u{01}\u{1F}") == #""\u0001\u001f""#)
        #expect(compact("/") == #""/""#)
    }

    @Test func keepsNonASCIIAsUTF8() {
        #expect(compact("Nguyễn Văn An 🇻🇳") == "\"Nguyễn Văn An 🇻🇳\"")
        // A combining mark right after a quote must stay whole.
        #expect(compact("\"\u{301}a") == "\"\\\"\u{301}a\"")
    }

    @Test func numbersAndNonFiniteDoubles() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.int(-7)
        writer.int(Int64.max)
        writer.double(0.5)
        writer.double(1e-7)
        writer.double(.nan)
        writer.double(-.infinity)
        writer.bool(false)
        writer.null()
        writer.endArray()
        #expect(writer.output == #"[-7,9223372036854775807,0.5,1e-07,"NaN","-Infinity",false,null]"#)
        #expect((try? JSONSerialization.jsonObject(with: Data(writer.output.utf8))) != nil)
    }

    @Test func prettyLayout() {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.key("a")
        writer.beginArray()
        writer.endArray()
        writer.key("b")
        writer.beginObject()
        writer.key("c")
        writer.int(1)
        writer.endObject()
        writer.endObject()
        #expect(writer.output == "{\n  \"a\": [],\n  \"b\": {\n    \"c\": 1\n  }\n}")
    }

    @Test func oneLineContainersInPrettyOutput() {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.key("list")
        writer.beginArray(oneLine: true)
        writer.int(1)
        writer.beginObject()  // inside a one-line container: one line too
        writer.field("k", "v")
        writer.endObject()
        writer.endArray()
        writer.endObject()
        #expect(writer.output == "{\n  \"list\": [1, {\"k\": \"v\"}]\n}")
    }

    @Test func quotedIsTheWritersEscaping() {
        let text = "a\"b\\c\nd\u{08}\u{7}\u{7F}é"
        #expect(JSONWriter.quoted(text) == compact(text))
        #expect(JSONWriter.quoted(text) == #""a\"b\\c\nd\b\u0007\#u{7F}é""#)
    }

    /// Integers are written digit by digit: the same text as `String(value)`, both ends included.
    @Test func integersAreTheirDescription() {
        var values: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1]
        var power: Int64 = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power]
        }
        for value in values {
            var writer = JSONWriter()
            writer.int(value)
            #expect(writer.output == String(value))
            var small = JSONWriter()
            if let int = Int(exactly: value) { small.int(int) } else { continue }
            #expect(small.output == String(value))
        }
    }

    /// One writer holds several JSON Lines and starts again empty after `removeAll`.
    @Test func linesAndRemoveAll() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("a", 1)
        writer.endObject()
        writer.lineBreak()
        writer.beginArray()
        writer.int(2)
        writer.endArray()
        writer.lineBreak()
        #expect(writer.output == "{\"a\":1}\n[2]\n")
        #expect(writer.byteCount == 12)
        writer.removeAll()
        #expect(writer.byteCount == 0)
        writer.beginObject()
        writer.key("b")
        writer.removeAll()  // mid-value: the open object is forgotten too
        writer.int(3)
        #expect(writer.output == "3")
    }

    /// Escaping tests eight bytes at a time: every byte value, at every position of strings of
    /// every length up to 24 (between plain ASCII and between non-ASCII), escapes as a
    /// byte-by-byte escaper does.
    @Test func wordAtATimeEscapingIsByteByByte() {
        func expected(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                guard scalar.isASCII else {
                    out.unicodeScalars.append(scalar)
                    continue
                }
                let byte = UInt8(scalar.value)
                switch byte {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0x08: out += "\\b"
                case 0x0C: out += "\\f"
                case ..<0x20:
                    let hex = String(byte, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.append(Character(Unicode.Scalar(byte)))  // ASCII here; non-ASCII below
                }
            }
            return out + "\""
        }
        for filler in ["a", "é", "~"] {
            for length in 0...24 {
                let plain = String(repeating: filler, count: length)
                #expect(JSONWriter.quoted(plain) == expected(plain))
                for position in 0...length {
                    let inserts = (0..<0x80).map { String(Unicode.Scalar(UInt8($0))) } + ["\u{80}", "\u{FF}", "ễ", "🇻🇳"]
                    for insert in inserts {
                        let text = String(repeating: filler, count: position) + insert
                            + String(repeating: filler, count: length - position)
                        #expect(JSONWriter.quoted(text) == expected(text))
                    }
                }
            }
        }
    }

    /// A string with many bytes to escape, of both lengths of escape, is the escapes of its
    /// bytes one after the other: the room asked for is exact.
    @Test func manyEscapesInOneString() {
        let bytes = (0..<0x80).map { UInt8($0) } + Array("é🇻🇳".utf8)
        let text = String(decoding: bytes + bytes.reversed() + bytes, as: UTF8.self)
        let pieces = text.unicodeScalars.map { JSONWriter.quoted(String($0)).dropFirst().dropLast() }
        #expect(JSONWriter.quoted(text) == "\"" + pieces.joined() + "\"")
        var writer = JSONWriter()
        writer.string(text)
        #expect(writer.output == JSONWriter.quoted(text))
    }

    /// A literal name writes what `key(_:)` writes, compact and pretty.
    @Test func literalNamesAreKeys() {
        for pretty in [false, true] {
            var byString = JSONWriter(pretty: pretty)
            var byLiteral = JSONWriter(pretty: pretty)
            byString.beginObject()
            byLiteral.beginObject()
            byString.field("rule", "R-1")
            byLiteral.field(literal: "rule", "R-1")
            byString.field("line", 12)
            byLiteral.field(literal: "line", 12)
            byString.key("a_long_member_name_past_sixteen")
            byLiteral.key(literal: "a_long_member_name_past_sixteen")
            byString.null()
            byLiteral.null()
            byString.field("", nil)
            byLiteral.field(literal: "", nil)
            byString.endObject()
            byLiteral.endObject()
            #expect(byLiteral.output == byString.output)
        }
    }
}
