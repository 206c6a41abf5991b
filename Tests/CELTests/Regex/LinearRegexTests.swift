import Testing

#if canImport(CELDomain)
@testable import CELDomain
#else
@testable import CEL
#endif

@Suite struct LinearRegexTests {
    @Test(arguments: [
        ("abc", "xxabcxx", true), ("abc", "abx", false), ("^abc$", "abc", true), ("^abc$", "abcd", false),
        ("", "", true), ("", "anything", true), ("^$", "", true), ("^$", "x", false),
        ("a.c", "abc", true), ("a.c", "a\nc", false), ("(?s)a.c", "a\nc", true),
        ("[a-z]+@[a-z]+\\.vn", "mail: an@bo.vn", true), ("[^0-9]", "123", false), ("[^0-9]", "12a", true),
        ("\\d{3}-\\d{4}", "call 555-1234", true), ("\\d{3}-\\d{4}", "55-1234", false),
        ("^\\D+$", "abc", true), ("^\\w+$", "a_1", true), ("^\\W$", "!", true), ("\\s", "a b", true),
        ("\\S", "   ", false), ("a\\.b", "a.b", true), ("a\\.b", "axb", false), ("\\\\", "a\\b", true),
        ("\\t", "a\tb", true), ("\\n", "a\nb", true),
        ("^(ab|cd)+$", "abcdab", true), ("^(ab|cd)+$", "abc", false), ("^(?:a|b)*c$", "ababc", true),
        ("^a?b$", "b", true), ("^a{3}$", "aaa", true), ("^a{3}$", "aa", false), ("^a{2,}$", "aaaaa", true),
        ("^a{2,3}$", "aaaa", false), ("^a{2,3}$", "aa", true), ("^a{0}b$", "b", true),
        ("^a+?$", "aaa", true), ("^a*?b$", "aab", true), ("^a??b$", "ab", true), ("^a{1,2}?$", "aa", true),
        ("(?i)hello", "HeLLo world", true), ("hello", "HELLO", false), ("(?i)[a-c]+$", "xABC", true),
        ("(?i)nguyễn", "NGUYỄN", true), ("(?i:a)b", "Ab", true), ("(?i:a)b", "AB", false),
        ("a+ñ+a+", "mañana", true), ("^(a|😀){2}$", "😀😀", true), ("(a|😀){2}", "🐱😀😀", true),
        ("^.$", "😀", true), ("^..$", "é", false), ("^[à-ỹ]+$", "ễ", true),
        ("\\bcat\\b", "a cat here", true), ("\\bcat\\b", "concatenate", false), ("\\Bcat\\B", "concatenate", true),
        ("(?m)^b$", "a\nb\nc", true), ("^b$", "a\nb\nc", false), ("\\Aab\\z", "ab", true),
        ("a{,2}", "a{,2}", true), ("x{", "x{", true), ("[]a]", "]", true), ("[^]a]", "b", true),
        ("[a-]", "-", true), ("[[:digit:]]+", "ab12", true), ("[[:^alpha:]]", "abc", false),
        ("^\\pL+$", "Đặng", true), ("^\\p{Lu}", "đ", false), ("\\PL", "abc", false), ("^[\\p{N}]+$", "٣4", true),
        ("\\x41\\x{1F600}", "A😀", true), ("\\Q.*\\E", "a.*b", true), ("\\Q.*\\E", "ab", false),
        ("(?P<year>\\d{4})-(?<m>\\d\\d)", "2025-01", true), ("a|", "zzz", true), ("()", "", true),
        ("^(a*)*$", "aaaa", true), ("^(a*)+b$", "aaab", true), ("^(a|)+$", "aaa", true),
        ("^[\\d\\s]+$", "1 2 3", true), ("^[\\D]+$", "12", false), ("\\010", "\u{8}", true),
    ] as [(String, String, Bool)])
    func matches(pattern: String, input: String, expected: Bool) throws {
        let regex = try LinearRegex(pattern: pattern)
        #expect(regex.matches(input) == expected)
    }

    /// Patterns that take exponential time in a backtracking engine, on 100,000-scalar inputs
    /// (`unit` repeated `count` times, then `tail`; built here so test names stay short).
    @Test(arguments: [
        ("(a+)+$", "a", 100_000, "!", false),
        ("(a|aa)*b", "a", 100_000, "", false),
        ("(x+x+)+y", "x", 100_000, "", false),
        ("^(a|a?)+$", "a", 100_000, "b", false),
        ("(.*a){20}", "a", 100_000, "", true),
        ("(\\w+\\s?)*$", "word ", 20_000, "!", true),
        ("^(([a-z])+.)+[A-Z]([a-z])+$", "a", 100_000, "!", false),
        ("(a*)*b", "a", 100_000, "", false),
        ("a{100}$", "a", 10_000, "", true),
    ] as [(String, String, Int, String, Bool)])
    func catastrophicPatternsReturn(pattern: String, unit: String, count: Int, tail: String, expected: Bool) throws {
        let regex = try LinearRegex(pattern: pattern)
        #expect(regex.matches(String(repeating: unit, count: count) + tail) == expected)
    }

    @Test(arguments: [
        ("(a", "missing closing ): `(a`", 0),
        ("a)", "unexpected ): `a)`", 1),
        ("*a", "missing argument to repetition operator: `*`", 0),
        ("a**", "invalid nested repetition operator: `**`", 1),
        ("a+*", "invalid nested repetition operator: `+*`", 1),
        ("{2}", "missing argument to repetition operator: `{2}`", 0),
        ("a{1001}", "invalid repeat count: `{1001}`", 1),
        ("a{3,2}", "invalid repeat count: `{3,2}`", 1),
        ("[a", "missing closing ]: `[a`", 0),
        ("[z-a]", "invalid character class range: `z-a`", 1),
        ("x\\q", "invalid escape sequence: `\\q`", 1),
        ("(a)\\1", "backreferences are not supported: `\\1`", 3),
        ("a(?=b)", "lookaround assertions are not supported: `(?=`", 1),
        ("(?!b)", "lookaround assertions are not supported: `(?!`", 0),
        ("(?<=b)a", "lookaround assertions are not supported: `(?<=`", 0),
        ("(?#x)", "invalid or unsupported Perl syntax: `(?#`", 0),
        ("ab\\", "trailing backslash at end of expression", 2),
        ("\\p{Greek}", "invalid character class range: `\\p{Greek}`", 0),
        ("[[:foo:]]", "invalid character class range: `[:foo:]`", 1),
        ("(?P<n!>a)", "invalid named capture: `(?P<n!`", 0),
        ("((a{100}){100}){100}", "expression too large: more than 10000 instructions", 0),
        ("\\x{110000}", "invalid escape sequence: `\\x{110000}`", 0),
    ] as [(String, String, Int)])
    func rejects(pattern: String, message: String, offset: Int) {
        #expect(throws: RegexError(message: message, offset: offset)) {
            try LinearRegex(pattern: pattern)
        }
    }

    @Test func nestingDepthIsLimited() {
        let deep = String(repeating: "(", count: 2000) + String(repeating: ")", count: 2000)
        #expect(throws: RegexError(message: "expression nests too deeply", offset: 200)) {
            try LinearRegex(pattern: deep)
        }
    }
}
