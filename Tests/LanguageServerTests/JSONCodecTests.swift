import LanguageServer
import Testing

@Suite struct JSONCodecTests {
    @Test func parsesEveryKindOfValue() {
        let json = JSON.parse(Array(#"{"a":[1,-2.5,true,false,null,"x\"\u00e9\ud83d\ude00"],"b":{}}"#.utf8))
        #expect(json == ["a": [1, .double(-2.5), true, false, .null, "x\"é😀"], "b": [:]])
    }

    @Test func writesSortedCompactJSONThatReadsBack() {
        let value: JSON = ["z": "line\nbreak\u{1}", "a": [1, true, .null]]
        #expect(value.text == #"{"a":[1,true,null],"z":"line\nbreak\u0001"}"#)
        #expect(JSON.parse(Array(value.text.utf8)) == value)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "tru", "\"\u{1}\"", "\"\\ud800\"", "[1] x", "\"\\q\""])
    func refusesWhatIsNotJSON(_ text: String) {
        #expect(JSON.parse(Array(text.utf8)) == nil)
    }

    @Test func refusesDeepNestingWithoutOverflowingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(JSON.parse(Array(deep.utf8)) == nil)
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(JSON.parse(Array(fine.utf8)) != nil)
    }

    @Test func refusesInvalidUTF8InStrings() {
        #expect(JSON.parse([0x22, 0xFF, 0x22]) == nil)
    }
}

@Suite struct FrameReaderTests {
    func frames(_ chunks: [[UInt8]]) -> [Frame] {
        var reader = FrameReader(stream: InMemoryByteStream(chunks: chunks))
        var result: [Frame] = []
        while true {
            let frame = reader.next(waitingAtMost: -1)
            result.append(frame)
            if frame == .closed { return result }
        }
    }

    @Test func cutsTwoMessagesFromOneChunk() {
        let bytes = Array("Content-Length: 2\r\n\r\n{}content-length:3\r\nContent-Type: x\r\n\r\n[1]".utf8)
        #expect(frames([bytes]) == [.body(Array("{}".utf8)), .body(Array("[1]".utf8)), .closed])
    }

    @Test func joinsAMessageSentOneByteAtATime() {
        let bytes = MessageFramer.frame(["a": "é"])
        #expect(frames(bytes.map { [$0] }) == [.body(Array(#"{"a":"é"}"#.utf8)), .closed])
    }

    @Test func skipsAHeaderWithoutContentLengthToTheNextMessage() {
        let bytes = Array("Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}".utf8)
        let result = frames([bytes])
        #expect(result.count == 3)
        #expect(result[1] == .body(Array("{}".utf8)))
    }

    @Test func aContentLengthThatSaysTooLittleGivesAShortBodyThenResynchronises() {
        let bytes = Array("Content-Length: 3\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}".utf8)
        let result = frames([bytes])
        #expect(result.first == .body(Array("{\"a".utf8)))
        #expect(result.contains(.body(Array("{}".utf8))))
        #expect(result.last == .closed)
    }

    @Test func aContentLengthThatSaysTooMuchEndsAtEndOfInput() {
        let result = frames([Array("Content-Length: 900\r\n\r\n{}".utf8)])
        #expect(result.count == 2)
        if case .badHeader = result[0] {} else { Issue.record("expected a bad header, got \(result[0])") }
        #expect(result[1] == .closed)
    }

    @Test func refusesAContentLengthOverTheLimit() {
        let result = frames([Array("Content-Length: 99999999999\r\n\r\n{}".utf8)])
        if case .badHeader = result[0] {} else { Issue.record("expected a bad header, got \(result[0])") }
    }

    @Test func dropsEndlessGarbageWithoutAHeader() {
        let garbage = [UInt8](repeating: UInt8(ascii: "x"), count: 100_000)
        let result = frames([garbage, Array("Content-Length: 2\r\n\r\n{}".utf8)])
        #expect(result.contains(.body(Array("{}".utf8))))
    }
}
