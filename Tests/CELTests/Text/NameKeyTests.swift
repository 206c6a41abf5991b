import Foundation
import Testing

#if canImport(CELDomain)
@testable import CELDomain
#else
@testable import CEL
#endif

@Suite struct NameKeyTests {
    @Test(arguments: [
        ("NGUY\u{1EC4}N V\u{102}N A", "nguy\u{1EC5}n v\u{103}n a"),
        ("Nguye\u{302}\u{303}n Va\u{306}n A", "nguy\u{1EC5}n v\u{103}n a"),  // NFD input
        ("  Tr\u{1EA7}n\u{A0}\u{A0}Th\u{1ECB}\tB\u{ED}ch\u{3000}Ng\u{1ECD}c \n",
         "tr\u{1EA7}n th\u{1ECB} b\u{ED}ch ng\u{1ECD}c"),
        ("\u{110}\u{1EB6}NG", "\u{111}\u{1EB7}ng"),
        ("D\u{323}A\u{323}\u{302}NG", "\u{1E0D}\u{1EAD}ng"),
        ("ASCII  Name", "ascii name"),
        ("\u{212A}ELVIN \u{212B}NGSTR\u{D6}M", "kelvin \u{E5}ngstr\u{F6}m"),  // K and Å signs lower to letters
        ("\u{130}stanbul", "i\u{307}stanbul"),  // İ lowers to i + U+0307: the full (NFC) path
        ("\u{391}\u{398}\u{397}\u{39D}\u{391}", "\u{3B1}\u{3B8}\u{3B7}\u{3BD}\u{3B1}"),  // Greek: the full path
        ("A\u{301}nh", "\u{E1}nh"),  // a combining accent after a letter is composed
        ("", ""),
        (" \t ", ""),
        // ASCII text that is already a key comes back as it is; one space, case or tab away, not.
        ("construction", "construction"), ("real estate", "real estate"), (" land", "land"), ("land ", "land"),
        ("real  estate", "real estate"), ("real\testate", "real estate"), ("Land", "land"), ("a", "a"), (" ", ""),
    ] as [(String, String)])
    func keys(input: String, expected: String) {
        let key = nameKey(input)
        #expect(Array(key.unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func composedAndDecomposedAgree() {
        let composed = "Nguy\u{1EC5}n Th\u{1ECB} B\u{1EA1}ch"
        let decomposed = "Nguye\u{302}\u{303}n Thi\u{323} Ba\u{323}ch"
        #expect(nameKey(composed).unicodeScalars.elementsEqual(nameKey(decomposed).unicodeScalars))
        #expect(nameKey(decomposed).unicodeScalars.count == 15)
    }

    @Test func diacriticsAndDStayDistinct() {
        #expect(nameKey("Bách") != nameKey("Bạch"))
        #expect(nameKey("Đào") != nameKey("Dào"))
        #expect(nameKey("Đào").unicodeScalars.first == "\u{111}")
    }

    /// Every letter of the Latin blocks `nameKey` lowers from a table comes out as lower case
    /// and NFC, the full path, make it.
    @Test func everyLatinLetterLowersAsTheFullPathDoes() {
        for value in Array(0x80..<0x250) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(UInt32(value)), !scalar.properties.isWhitespace else { continue }
            let text = "A" + String(scalar) + "b"
            let expected = text.lowercased().precomposedStringWithCanonicalMapping
            #expect(Array(nameKey(text).unicodeScalars) == Array(expected.unicodeScalars), "U+\(String(value, radix: 16))")
        }
    }

    /// Text of one-, two-, three- and four-byte UTF-8 scalars, spaces among them, keys as the
    /// definition (lower case, NFC, white space folded) says: the fast path decodes the bytes
    /// itself.
    @Test(arguments: [
        "Nguy\u{1EC4}n V\u{102}n \u{110}\u{1EE8}C", "\u{C0}\u{1EA0} \u{2003}b\u{1F600}C", "x\u{10400}Y",
        "\u{24B6}\u{2C00} Z", "\u{1E9E}ss", "\u{2028}a\u{85}B\u{3000}", "\u{1F600}", "a\u{300}B\u{1EF9}",
        "\u{FF21}\u{FF41} \u{1D400}",
    ])
    func keysOfEveryUTF8Width(input: String) {
        let composed = input.lowercased().precomposedStringWithCanonicalMapping
        let expected = composed.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
            .joined(separator: " ")
        #expect(Array(nameKey(input).unicodeScalars) == Array(expected.unicodeScalars))
    }

    /// `nameKey` answers U+00A1…U+1FFF without a property lookup: only U+1680 is white space there.
    @Test func noWhiteSpaceInTheSkippedRanges() {
        let spaces = (0xA1...0x1FFF).compactMap(Unicode.Scalar.init).filter(\.properties.isWhitespace)
        #expect(spaces.map(\.value) == [0x1680])
        #expect(nameKey("a\u{1680}b\u{A0}c\u{85}d") == "a b c d")
    }
}
