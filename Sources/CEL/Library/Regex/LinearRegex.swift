/// A regular expression in RE2 syntax, matched in time linear in the input.
///
/// Why: rules call `s.matches(re)` on dossier strings written by strangers. A backtracking
/// engine can take exponential time on patterns like `(a+)+$`; this one compiles the pattern
/// to a Thompson NFA and simulates it Pike-VM style (every thread advances in lockstep), so
/// the cost is O(pattern size × input length) whatever the pattern. Like RE2 it therefore
/// rejects what needs backtracking: backreferences and lookaround.
///
/// It works on Unicode scalars (`.` matches `ñ` or `😀` as one character). `\d \w \s \b`
/// are ASCII, as in RE2; `\pL`, `\p{Lu}` ... use Unicode general categories.
public struct LinearRegex: Sendable {
    /// The most instructions a compiled pattern may have (counted repeats expand).
    public static let maxProgramSize = 10_000
    /// The largest count allowed in `{n}`, `{n,}`, `{n,m}`, as in RE2.
    public static let maxRepeatCount = 1000

    let program: RegexProgram

    /// Compiles `pattern`; throws for syntax errors, unsupported features and patterns whose
    /// program exceeds `maxProgramSize` instructions.
    public init(pattern: String) throws(RegexError) {
        var parser = RegexParser(pattern)
        let node = try parser.parse()
        program = try RegexCompiler.compile(node)
    }

    /// True if some substring of `s` matches (an unanchored search, as CEL's `matches`);
    /// use `^...$` to match the whole string.
    public func matches(_ s: String) -> Bool {
        program.run(on: Array(s.unicodeScalars))
    }
}

/// A pattern that cannot be compiled: what is wrong, and where.
public struct RegexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A short RE2-style message, e.g. "missing closing ): `(a`".
    public var message: String
    /// 0-based offset in the pattern, counted in Unicode scalars, where the problem starts.
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (at offset \(offset))" }
}

/// A zero-width condition on the position between two scalars.
enum RegexAssertion: Sendable, Hashable {
    case beginText, endText, beginLine, endLine, wordBoundary, notWordBoundary

    /// Whether the assertion holds between `previous` and `next` (nil at the ends).
    func holds(previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool {
        switch self {
        case .beginText: previous == nil
        case .endText: next == nil
        case .beginLine: previous == nil || previous == "\n"
        case .endLine: next == nil || next == "\n"
        case .wordBoundary: Self.isWord(previous) != Self.isWord(next)
        case .notWordBoundary: Self.isWord(previous) == Self.isWord(next)
        }
    }

    /// RE2's `\w`: ASCII letters, digits and underscore.
    static func isWord(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.isASCII else { return false }
        let v = scalar.value
        return (48...57).contains(v) || (65...90).contains(v) || (97...122).contains(v) || v == 95
    }
}

/// The parsed pattern.
indirect enum RegexNode: Sendable {
    case empty
    case scalar(ScalarClass)
    case assertion(RegexAssertion)
    case concat([RegexNode])
    case alternate([RegexNode])
    /// `max == nil` is unbounded.
    case repeated(RegexNode, min: Int, max: Int?)
}

/// A set of Unicode scalars: a literal, `.`, `[...]`, `\d`, `\pL`, with optional case folding.
struct ScalarClass: Sendable {
    /// Sorted, non-overlapping, non-adjacent ranges of scalar values.
    var ranges: [ClosedRange<UInt32>] = []
    /// Unicode general-category tests (`\pL`, `\P{Lu}`), each possibly negated.
    var categories: [(set: Set<Unicode.GeneralCategory>, negated: Bool)] = []
    var negated = false
    var foldCase = false

    init(ranges: [ClosedRange<UInt32>] = [], negated: Bool = false, foldCase: Bool = false) {
        self.ranges = ScalarClass.normalize(ranges)
        self.negated = negated
        self.foldCase = foldCase
    }

    static func literal(_ scalar: Unicode.Scalar, foldCase: Bool) -> ScalarClass {
        ScalarClass(ranges: [scalar.value...scalar.value], foldCase: foldCase)
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        var found = containsExactly(scalar)
        if !found, foldCase {
            found = Self.caseVariants(of: scalar).contains { containsExactly($0) }
        }
        return found != negated
    }

    private func containsExactly(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound < v { low = mid + 1 } else { high = mid }
        }
        if low < ranges.count, ranges[low].contains(v) { return true }
        guard !categories.isEmpty else { return false }
        let category = scalar.properties.generalCategory
        return categories.contains { $0.set.contains(category) != $0.negated }
    }

    /// The scalar's single-scalar lower and upper case forms (ASCII without allocation).
    static func caseVariants(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let v = scalar.value
        if v < 128 {
            if (65...90).contains(v) { return [Unicode.Scalar(UInt8(v + 32))] }
            if (97...122).contains(v) { return [Unicode.Scalar(UInt8(v - 32))] }
            return []
        }
        return [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping].compactMap {
            $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil
        }
    }

    /// Sorts and merges overlapping or adjacent ranges.
    static func normalize(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// The ranges of every scalar value not in `ranges` (which must be normalized).
    static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if next <= 0x10FFFF { result.append(next...0x10FFFF) }
        return result
    }
}
