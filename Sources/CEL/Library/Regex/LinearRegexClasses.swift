/// Escapes and bracket classes for `RegexParser`.
extension RegexParser {
    /// What an escape stands for: one scalar (usable in a range) or a set of them.
    enum Escape {
        case scalar(Unicode.Scalar)
        case set(ScalarClass)
    }

    /// After `\` outside a class.
    mutating func parseEscape(start: Int) throws(RegexError) -> RegexNode? {
        switch peek {
        case "A": index += 1; return .assertion(.beginText)
        case "z": index += 1; return .assertion(.endText)
        case "b": index += 1; return .assertion(.wordBoundary)
        case "B": index += 1; return .assertion(.notWordBoundary)
        case "E": index += 1; return nil
        case "Q":
            index += 1
            var literals: [RegexNode] = []
            while let c = next() {
                if c == "\\", peek == "E" { index += 1; break }
                literals.append(.scalar(.literal(c, foldCase: foldCase)))
            }
            return literals.isEmpty ? nil : .concat(literals)
        default:
            switch try parseClassEscape(start: start) {
            case .scalar(let c): return .scalar(.literal(c, foldCase: foldCase))
            case .set(var set):
                set.foldCase = foldCase
                return .scalar(set)
            }
        }
    }

    /// After `\`, the escapes allowed both inside and outside classes.
    mutating func parseClassEscape(start: Int) throws(RegexError) -> Escape {
        guard let c = next() else { throw error("trailing backslash at end of expression", at: start) }
        switch c {
        case "d", "D", "w", "W", "s", "S":
            let ranges = Self.perlClass(Character(c).lowercased())
            return .set(ScalarClass(ranges: c.properties.isUppercase ? ScalarClass.complement(ranges) : ranges))
        case "p", "P": return .set(try parseUnicodeClass(negated: c == "P", start: start))
        case "t": return .scalar("\t")
        case "n": return .scalar("\n")
        case "r": return .scalar("\r")
        case "f": return .scalar("\u{0C}")
        case "v": return .scalar("\u{0B}")
        case "a": return .scalar("\u{07}")
        case "x": return .scalar(try parseHex(start: start))
        case "0":
            var value: UInt32 = 0
            for _ in 0..<2 {
                guard let d = peek, (48...55).contains(d.value) else { break }
                value = value * 8 + d.value - 48
                index += 1
            }
            return .scalar(Unicode.Scalar(value) ?? "\0")
        case "1"..."9":
            throw error("backreferences are not supported: `\(text(from: start, to: index))`", at: start)
        default:
            if c.isASCII, !isASCIIAlphanumeric(c), c.value > 32 { return .scalar(c) }
            throw error("invalid escape sequence: `\(text(from: start, to: index))`", at: start)
        }
    }

    /// RE2's ASCII Perl classes `\d \w \s`.
    static func perlClass(_ name: String) -> [ClosedRange<UInt32>] {
        switch name {
        case "d": [48...57]
        case "w": [48...57, 65...90, 95...95, 97...122]
        default: [9...10, 12...13, 32...32]
        }
    }

    /// `\x41` or `\x{1F600}`, after `\x`.
    private mutating func parseHex(start: Int) throws(RegexError) -> Unicode.Scalar {
        var digits = ""
        if peek == "{" {
            index += 1
            while let c = next(), c != "}" { digits.unicodeScalars.append(c) }
            guard scalars[index - 1] == "}", !digits.isEmpty, digits.count <= 8 else {
                throw error("invalid escape sequence: `\(text(from: start, to: index))`", at: start)
            }
        } else {
            for _ in 0..<2 { if let c = next() { digits.unicodeScalars.append(c) } }
        }
        guard digits.count >= 1, let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value)
        else { throw error("invalid escape sequence: `\(text(from: start, to: index))`", at: start) }
        return scalar
    }

    /// `\pL`, `\p{Lu}`, `\p{^L}`, `\PL` (after `\p` or `\P`): Unicode general categories.
    private mutating func parseUnicodeClass(negated: Bool, start: Int) throws(RegexError) -> ScalarClass {
        var name = ""
        if peek == "{" {
            index += 1
            while let c = next(), c != "}" { name.unicodeScalars.append(c) }
            guard scalars[index - 1] == "}" else {
                throw error("invalid character class range: `\(text(from: start, to: index))`", at: start)
            }
        } else if let c = next() {
            name.unicodeScalars.append(c)
        }
        var isNegated = negated
        if name.hasPrefix("^") {
            isNegated.toggle()
            name.removeFirst()
        }
        guard let set = Self.generalCategories(name) else {
            throw error("invalid character class range: `\(text(from: start, to: index))`", at: start)
        }
        var result = ScalarClass()
        result.categories = [(set, isNegated)]
        return result
    }

    /// A bracket class, after `[`.
    mutating func parseClass(start: Int) throws(RegexError) -> ScalarClass {
        var result = ScalarClass(foldCase: foldCase)
        if peek == "^" {
            index += 1
            result.negated = true
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard let c = peek else { throw error("missing closing ]: `\(text(from: start))`", at: start) }
            if c == "]", !first { index += 1; break }
            first = false
            if c == "[", peek(1) == ":", let posix = try parsePosixClass() {
                ranges += posix
                continue
            }
            let itemStart = index
            guard case .scalar(let low) = try parseClassItem(into: &result, ranges: &ranges) else { continue }
            guard peek == "-", let after = peek(1), after != "]" else {
                ranges.append(low.value...low.value)
                continue
            }
            index += 1
            guard case .scalar(let high) = try parseClassItem(into: &result, ranges: &ranges),
                high.value >= low.value
            else { throw error("invalid character class range: `\(text(from: itemStart, to: index))`", at: itemStart) }
            ranges.append(low.value...high.value)
        }
        result.ranges = ScalarClass.normalize(ranges)
        return result
    }

    /// One class member: a scalar is returned; a set (`\d`, `\pL`) is merged into `result`.
    private mutating func parseClassItem(
        into result: inout ScalarClass, ranges: inout [ClosedRange<UInt32>]
    ) throws(RegexError) -> Escape {
        let start = index
        guard let c = next() else { throw error("missing closing ]", at: start) }
        guard c == "\\" else { return .scalar(c) }
        let escape = try parseClassEscape(start: start)
        if case .set(let set) = escape {
            ranges += set.ranges
            result.categories += set.categories
        }
        return escape
    }

    /// `[:alpha:]` or `[:^alpha:]` at `[`; nil (nothing consumed) if not of that shape.
    private mutating func parsePosixClass() throws(RegexError) -> [ClosedRange<UInt32>]? {
        let start = index
        var i = index + 2
        while i + 1 < scalars.count, !(scalars[i] == ":" && scalars[i + 1] == "]") { i += 1 }
        guard i + 1 < scalars.count else { return nil }
        var name = text(from: start + 2, to: i)
        let negated = name.hasPrefix("^")
        if negated { name.removeFirst() }
        guard let ranges = Self.posixClasses[name] else {
            throw error("invalid character class range: `\(text(from: start, to: i + 2))`", at: start)
        }
        index = i + 2
        let normalized = ScalarClass.normalize(ranges)
        return negated ? ScalarClass.complement(normalized) : normalized
    }

    static let posixClasses: [String: [ClosedRange<UInt32>]] = [
        "alnum": [48...57, 65...90, 97...122], "alpha": [65...90, 97...122], "ascii": [0...127],
        "blank": [9...9, 32...32], "cntrl": [0...31, 127...127], "digit": [48...57],
        "graph": [33...126], "lower": [97...122], "print": [32...126],
        "punct": [33...47, 58...64, 91...96, 123...126], "space": [9...13, 32...32],
        "upper": [65...90], "word": [48...57, 65...90, 95...95, 97...122],
        "xdigit": [48...57, 65...70, 97...102],
    ]

    /// The general categories named by a one- or two-letter name (`L`, `Lu`), or `Any`.
    static func generalCategories(_ name: String) -> Set<Unicode.GeneralCategory>? {
        if name == "Any" { return Set(categoryGroups.flatMap { $0.members.map(\.category) }) }
        for group in categoryGroups {
            if group.name == name { return Set(group.members.map(\.category)) }
            if let member = group.members.first(where: { $0.code == name }) { return [member.category] }
        }
        return nil
    }

    private static let categoryGroups: [(name: String, members: [(code: String, category: Unicode.GeneralCategory)])] = [
        ("L", [("Lu", .uppercaseLetter), ("Ll", .lowercaseLetter), ("Lt", .titlecaseLetter),
               ("Lm", .modifierLetter), ("Lo", .otherLetter)]),
        ("M", [("Mn", .nonspacingMark), ("Mc", .spacingMark), ("Me", .enclosingMark)]),
        ("N", [("Nd", .decimalNumber), ("Nl", .letterNumber), ("No", .otherNumber)]),
        ("P", [("Pc", .connectorPunctuation), ("Pd", .dashPunctuation), ("Ps", .openPunctuation),
               ("Pe", .closePunctuation), ("Pi", .initialPunctuation), ("Pf", .finalPunctuation),
               ("Po", .otherPunctuation)]),
        ("S", [("Sm", .mathSymbol), ("Sc", .currencySymbol), ("Sk", .modifierSymbol), ("So", .otherSymbol)]),
        ("Z", [("Zs", .spaceSeparator), ("Zl", .lineSeparator), ("Zp", .paragraphSeparator)]),
        ("C", [("Cc", .control), ("Cf", .format), ("Cs", .surrogate), ("Co", .privateUse), ("Cn", .unassigned)]),
    ]
}
