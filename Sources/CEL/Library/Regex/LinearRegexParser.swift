/// A recursive-descent parser for RE2 syntax, producing a `RegexNode`.
///
/// Supported: literals, `.`, `[...]` / `[^...]` (ranges, escapes, `[:alpha:]`), `\d \D \w \W
/// \s \S \b \B \A \z \pX \p{X} \PX`, `\t \n \r \f \v \a \x41 \x{1F600} \Q...\E`, escaped
/// punctuation, `^ $`, groups `( )`, `(?: )`, `(?P<name> )`, `(?<name> )`, flags `(?imsU)`
/// and `(?i: )`, `|`, `* + ?` and `{n} {n,} {n,m}`, each optionally lazy (`*?`).
/// Rejected like RE2 does: backreferences, lookaround, nested repetition operators (`a**`).
struct RegexParser {
    let scalars: [Unicode.Scalar]
    var index = 0
    /// Flags in force: case-insensitive, multi-line (`^ $` at lines), dot matches `\n`.
    var foldCase = false
    var multiLine = false
    var dotAll = false
    var depth = 0
    /// The deepest group nesting. Parsing, compiling and freeing the tree recurse per level, and
    /// at 1,000 a debug build under AddressSanitizer overflowed a worker thread's stack.
    static let maxDepth = 200

    init(_ pattern: String) { scalars = Array(pattern.unicodeScalars) }

    mutating func parse() throws(RegexError) -> RegexNode {
        let node = try parseAlternation()
        if index < scalars.count {  // only a stray `)` stops an alternation early
            throw error("unexpected ): `\(text(from: 0))`", at: index)
        }
        return node
    }

    // MARK: - Structure

    private mutating func parseAlternation() throws(RegexError) -> RegexNode {
        var branches = [try parseConcat()]
        while peek == "|" {
            index += 1
            branches.append(try parseConcat())
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func parseConcat() throws(RegexError) -> RegexNode {
        var items: [RegexNode] = []
        while let c = peek, c != "|", c != ")" {
            let start = index
            guard let atom = try parseAtom() else { continue }
            items.append(try parseQuantifiers(atom, start: start))
        }
        return items.isEmpty ? .empty : items.count == 1 ? items[0] : .concat(items)
    }

    /// One atom, or nil for something that matches nothing by itself (a flag group, `\Q\E`).
    private mutating func parseAtom() throws(RegexError) -> RegexNode? {
        let start = index
        guard let c = next() else { return nil }
        switch c {
        case "(": return try parseGroup(start: start)
        case "[": return .scalar(try parseClass(start: start))
        case ".":
            let newline = UInt32(10)
            let ranges: [ClosedRange<UInt32>] = dotAll ? [0...0x10FFFF] : [0...newline - 1, newline + 1...0x10FFFF]
            return .scalar(ScalarClass(ranges: ranges))
        case "^": return .assertion(multiLine ? .beginLine : .beginText)
        case "$": return .assertion(multiLine ? .endLine : .endText)
        case "\\": return try parseEscape(start: start)
        case "*", "+", "?":
            throw error("missing argument to repetition operator: `\(c)`", at: start)
        case "{":
            index = start
            if let (_, _, end) = try repeatBounds() {
                throw error("missing argument to repetition operator: `\(text(from: start, to: end))`", at: start)
            }
            index = start + 1
            return .scalar(.literal(c, foldCase: foldCase))
        default:
            return .scalar(.literal(c, foldCase: foldCase))
        }
    }

    /// Applies `* + ? {n,m}` (and their lazy forms) after an atom; a second operator is an error.
    private mutating func parseQuantifiers(_ atom: RegexNode, start: Int) throws(RegexError) -> RegexNode {
        let opStart = index
        let bounds: (Int, Int?)
        switch peek {
        case "*": bounds = (0, nil); index += 1
        case "+": bounds = (1, nil); index += 1
        case "?": bounds = (0, 1); index += 1
        case "{":
            guard let (min, max, end) = try repeatBounds() else { return atom }
            bounds = (min, max)
            index = end
        default: return atom
        }
        if peek == "?" { index += 1 }  // lazy: same set of matches
        if let c = peek, c == "*" || c == "+" || c == "?" || (c == "{" && (try? lookaheadRepeat()) == true) {
            throw error("invalid nested repetition operator: `\(text(from: opStart, to: index + 1))`", at: opStart)
        }
        return .repeated(atom, min: bounds.0, max: bounds.1)
    }

    private mutating func lookaheadRepeat() throws(RegexError) -> Bool {
        let saved = index
        defer { index = saved }
        return try repeatBounds() != nil
    }

    /// At `{`: parses `{n}`, `{n,}` or `{n,m}` without consuming; nil when the text is not a
    /// repeat (RE2 then reads `{` as a literal). Returns the index after `}`.
    private mutating func repeatBounds() throws(RegexError) -> (Int, Int?, Int)? {
        let start = index
        var i = index + 1
        func number() -> Int? {
            var value: Int?
            while i < scalars.count, (48...57).contains(scalars[i].value) {
                value = Swift.min((value ?? 0) * 10 + Int(scalars[i].value) - 48, 100_000)
                i += 1
            }
            return value
        }
        guard let min = number() else { return nil }
        var max: Int? = min
        if i < scalars.count, scalars[i] == "," {
            i += 1
            max = number()
        }
        guard i < scalars.count, scalars[i] == "}" else { return nil }
        i += 1
        let limit = LinearRegex.maxRepeatCount
        if min > limit || (max ?? 0) > limit || (max.map { $0 < min } ?? false) {
            throw error("invalid repeat count: `\(text(from: start, to: i))`", at: start)
        }
        return (min, max, i)
    }

    /// After `(`: a capturing, non-capturing, named or flag group; nil for a bare flag
    /// group such as `(?i)`, whose flags apply to the rest of the enclosing group.
    private mutating func parseGroup(start: Int) throws(RegexError) -> RegexNode? {
        guard peek == "?" else { return try parseGroupBody(start: start) }
        index += 1
        let c = peek
        if c == "=" || c == "!" || (c == "<" && (peek(1) == "=" || peek(1) == "!")) {
            let end = index + (c == "<" ? 2 : 1)
            throw error("lookaround assertions are not supported: `\(text(from: start, to: end))`", at: start)
        }
        if c == "P" || c == "<" {
            if c == "P" { index += 1 }
            guard next() == "<" else { throw error("invalid named capture: `\(text(from: start, to: index))`", at: start) }
            while let n = next(), n != ">" {
                guard n == "_" || isASCIIAlphanumeric(n)
                else { throw error("invalid named capture: `\(text(from: start, to: index))`", at: start) }
            }
            return try parseGroupBody(start: start)
        }
        return try parseFlags(start: start)
    }

    /// After `(?`: flags such as `i`, `-s`, then `)` (nil: the flags stay set) or `:` and a
    /// body (the flags end with it).
    private mutating func parseFlags(start: Int) throws(RegexError) -> RegexNode? {
        let saved = (foldCase, multiLine, dotAll)
        var enable = true
        var sawFlag = false
        while let f = next() {
            switch f {
            case "i": foldCase = enable; sawFlag = true
            case "m": multiLine = enable; sawFlag = true
            case "s": dotAll = enable; sawFlag = true
            case "U": sawFlag = true  // ungreedy: irrelevant to whether a match exists
            case "-" where enable: enable = false; sawFlag = false
            case ")" where sawFlag: return nil
            case ":" where sawFlag || enable:
                let body = try parseGroupBody(start: start)
                (foldCase, multiLine, dotAll) = saved
                return body
            default:
                throw error("invalid or unsupported Perl syntax: `\(text(from: start, to: index))`", at: start)
            }
        }
        throw error("missing closing ): `\(text(from: start))`", at: start)
    }

    /// A group's alternation up to its `)`; flags set inside end with the group.
    private mutating func parseGroupBody(start: Int) throws(RegexError) -> RegexNode {
        depth += 1
        guard depth <= Self.maxDepth else { throw error("expression nests too deeply", at: start) }
        let saved = (foldCase, multiLine, dotAll)
        let body = try parseAlternation()
        guard next() == ")" else { throw error("missing closing ): `\(text(from: start))`", at: start) }
        (foldCase, multiLine, dotAll) = saved
        depth -= 1
        return body
    }

    // MARK: - Helpers

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func peek(_ ahead: Int) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    mutating func next() -> Unicode.Scalar? {
        guard index < scalars.count else { return nil }
        index += 1
        return scalars[index - 1]
    }

    func text(from start: Int, to end: Int? = nil) -> String {
        let stop = Swift.min(end ?? scalars.count, scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<Swift.max(start, stop)])
        return String(view)
    }

    func isASCIIAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (48...57).contains(v) || (65...90).contains(v) || (97...122).contains(v)
    }

    func error(_ message: String, at offset: Int) -> RegexError {
        RegexError(message: message, offset: offset)
    }
}
