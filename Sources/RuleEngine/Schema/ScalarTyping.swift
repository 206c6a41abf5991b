import CEL
import YAML

/// Why a scalar does not fit its field type; the validator turns it into a located message.
enum ScalarProblem: Sendable, Hashable {
    /// Wrong kind of value; `expected` reads "an integer", "true or false".
    case type(expected: String)
    case date
    case money(signed: Bool)
    case share
    case enumeration([String])
}

/// The result of reading one scalar under a scalar field type.
enum ScalarOutcome: Sendable {
    case value(Value)
    /// A `string` value of the scalar's own text, which the caller makes: the event reader
    /// shares a text met again in the document, and no closure is passed per scalar for it.
    case text
    /// `~`, `null`, an empty plain scalar or `!!null`: the field is absent.
    case null
    case problem(ScalarProblem)
}

/// A scalar field type as a plain number: what the typing core switches on for every scalar
/// (a `FieldType` is an indirect enum, which retains its box on every copy). An enum's codes
/// are passed beside it.
enum ScalarKind: UInt8, Sendable {
    case string
    case int
    case bool
    case date
    case money
    case signedMoney
    case share
    case enumeration

    /// The kind of a scalar type; nil for lists and records.
    init?(_ type: FieldType) {
        switch type {
        case .string: self = .string
        case .int: self = .int
        case .bool: self = .bool
        case .date: self = .date
        case .money(let signed): self = signed ? .signedMoney : .money
        case .share: self = .share
        case .enumeration: self = .enumeration
        case .list, .object: return nil
        }
    }
}

extension FieldType {
    /// The codes of an enum type; empty for other types.
    var enumCodes: [String] {
        if case .enumeration(let codes) = self { codes } else { [] }
    }

    /// The items' type of a list; the type itself otherwise.
    var listElement: FieldType {
        if case .list(let element) = self { element } else { self }
    }

    /// What the typing core reads of a list's items for every list: their scalar kind (nil for
    /// records and lists, and for a type that is no list), and whether they are lists.
    var listItems: (kind: ScalarKind?, areLists: Bool) {
        guard case .list(let element) = self else { return (nil, false) }
        if case .list = element { return (nil, true) }
        return (ScalarKind(element), false)
    }

    /// The items' type of a list, through any nesting of lists; the type itself otherwise.
    var innermostElement: FieldType {
        if case .list(let element) = self { element.innermostElement } else { self }
    }
}

/// Converts scalars to typed values by the schema, not by YAML's plain-scalar guessing
/// (`id: 0042` stays "0042", `name: no` stays "no"). Runs on every scalar of every dossier,
/// so it reads UTF-8 bytes directly: no Foundation, no regular expressions.
enum ScalarTyping {
    /// Whether the scalar is YAML null: plain and untagged `~`/`null`/empty, or `!!null`.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        var text = scalar.text
        return text.withUTF8 { isNull($0, style: scalar.style, tag: scalar.tag) }
    }

    /// `isNull` over a scalar's UTF-8 bytes, as the typing core reads them (inline: every
    /// field value and list item is asked).
    @inline(__always)
    static func isNull(_ bytes: UnsafeBufferPointer<UInt8>, style: Node.Scalar.Style, tag: String?) -> Bool {
        if let tag { return tag == "!!null" }
        // Every scalar is asked: longer text (most of them) is no null literal.
        guard style == .plain, bytes.count <= nullLiteralMaxCount else { return false }
        return isNullLiteral(bytes)
    }

    /// `isAnyOf(bytes, nullLiterals)` with no loop over the literals: asked of every short
    /// plain scalar (years, `true`, short codes). `ScalarTypingTests` holds it to `isAnyOf`.
    @inline(__always)
    static func isNullLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0: true
        case 1: bytes[0] == UInt8(ascii: "~")
        default: isCasedLiteral(bytes, "null")
        }
    }

    /// `true` or `false` for one of `trueLiterals` or `falseLiterals`, nil for any other text:
    /// `isAnyOf` over them, compared without a loop over the literals (`ScalarTypingTests`).
    @inline(__always)
    static func boolLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if isCasedLiteral(bytes, "true") { return true }
        if isCasedLiteral(bytes, "false") { return false }
        return nil
    }

    /// Whether `bytes` are the lowercase ASCII `word`, or it capitalized, or it in capitals:
    /// the three spellings YAML 1.2's core schema gives `null`, `true` and `false`.
    @inline(__always)
    private static func isCasedLiteral(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count == count else { return false }
        let letters = word.utf8Start
        // An ASCII capital is its lowercase letter less this bit.
        let capital: UInt8 = 0x20
        let first = bytes[0]
        guard first == letters[0] || first == letters[0] - capital else { return false }
        let inCapitals = first != letters[0] && bytes[1] == letters[1] - capital
        for index in 1..<count where bytes[index] != (inCapitals ? letters[index] - capital : letters[index]) {
            return false
        }
        return true
    }

    static let nullLiterals: [StaticString] = ["", "~", "null", "Null", "NULL"]
    /// The longest of `nullLiterals`, in bytes: a constant, since a computed static is
    /// initialized lazily and so checked (`swift_once`) on every scalar read. `ScalarTypingTests`
    /// holds it to the literals.
    static let nullLiteralMaxCount = 4
    static let trueLiterals: [StaticString] = ["true", "True", "TRUE"]
    static let falseLiterals: [StaticString] = ["false", "False", "FALSE"]

    /// Whether `bytes` are one of `literals`, compared byte for byte.
    ///
    /// For the YAML null and bool literals this is exactly `==` (Unicode canonical
    /// equivalence): no character decomposes canonically to one of their letters, so only the
    /// same bytes match. It spares the normalizing comparison that `==` runs on every
    /// non-ASCII scalar (names, addresses) of every dossier.
    static func isAnyOf(_ bytes: UnsafeBufferPointer<UInt8>, _ literals: [StaticString]) -> Bool {
        let count = bytes.count
        for literal in literals where literal.utf8CodeUnitCount == count {
            let same = literal.withUTF8Buffer { UTF8Bytes.same($0, bytes) }
            if same { return true }
        }
        return false
    }

    /// The value of `scalar` under the scalar type `type` (lists and objects are not scalars).
    static func convert(_ scalar: Node.Scalar, as type: FieldType) -> ScalarOutcome {
        if isNull(scalar) { return .null }
        guard let kind = ScalarKind(type) else { return .problem(.type(expected: "a \(type)")) }
        var text = scalar.text
        let codes = kind == .enumeration ? EnumCodes(type.enumCodes) : nil
        let outcome = text.withUTF8 { convertNonNull($0, as: kind, codes: codes) }
        if case .text = outcome { return .value(.string(scalar.text)) }
        return outcome
    }

    /// The value of a scalar already known not to be YAML null (`isNull` is false), read from
    /// its UTF-8 `bytes`, of the kind `kind` (`codes` are an enum's codes, given for
    /// `.enumeration`): the one copy of the scalar typing rules. A `string` field gives `.text`,
    /// so that numbers, dates, booleans and enum codes cost no string (an enum code is the
    /// schema's own `String`); the rare share, or enum code written in another Unicode form,
    /// makes its text from the bytes (libyaml's, valid UTF-8).
    static func convertNonNull(
        _ bytes: UnsafeBufferPointer<UInt8>, as kind: ScalarKind, codes: EnumCodes?
    ) -> ScalarOutcome {
        switch kind {
        case .string:
            return .text
        case .int:
            guard let number = integer(utf8: bytes, underscores: false) else {
                return .problem(.type(expected: "an integer"))
            }
            return .value(.int(number))
        case .bool:
            guard let value = boolLiteral(bytes) else { return .problem(.type(expected: "true or false")) }
            return .value(.bool(value))
        case .date:
            guard let date = CivilDate(isoUTF8: bytes) else { return .problem(.date) }
            return .value(.date(date))
        case .money, .signedMoney:
            let signed = kind == .signedMoney
            guard let amount = integer(utf8: bytes, underscores: true), signed || amount >= 0 else {
                return .problem(.money(signed: signed))
            }
            return .value(.int(amount))
        case .share:
            guard isDecimalText(bytes), let share = Double(String(decoding: bytes, as: UTF8.self)), share.isFinite,
                share >= 0, share <= 1
            else {
                return .problem(.share)
            }
            return .value(.double(share))
        case .enumeration:
            // Callers give the codes of every enum type; none reads as an enum of no codes.
            guard let codes else { return .problem(.enumeration([])) }
            if let index = codes.index(of: bytes) { return .value(.string(codes.codes[index])) }
            let text = String(decoding: bytes, as: UTF8.self)
            guard codes.codes.contains(text) else { return .problem(.enumeration(codes.codes)) }
            return .value(.string(text))
        }
    }

    /// `[-+]?[0-9]+` as an `Int64` (nil on overflow); with `underscores`, single `_` may sit
    /// between digits (`4_500_000_000`).
    static func integer(_ text: String, underscores: Bool) -> Int64? {
        var text = text
        return text.withUTF8 { integer(utf8: $0, underscores: underscores) }
    }

    /// `integer(_:underscores:)` over the bytes in place: a loop over a buffer, not over
    /// `String.UTF8View`, which checks the string's representation on every byte.
    static func integer(utf8 text: UnsafeBufferPointer<UInt8>, underscores: Bool) -> Int64? {
        if let plain = plainDigits(text) { return plain }
        var negative = false
        var value: Int64 = 0
        var digits = 0
        var previousWasDigit = false
        var index = 0
        for byte in text {
            defer { index += 1 }
            if index == 0, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                negative = byte == UInt8(ascii: "-")
                continue
            }
            if byte == UInt8(ascii: "_") {
                guard underscores, previousWasDigit else { return nil }
                previousWasDigit = false
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) =
                negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            digits += 1
            previousWasDigit = true
        }
        guard digits > 0, previousWasDigit else { return nil }
        return value
    }

    /// The value of 1 to 18 ASCII digits and nothing else (most numbers of a dossier), which
    /// cannot overflow: no sign, underscore or overflow check per digit. Nil for any other
    /// text, which `integer(utf8:underscores:)` reads digit by digit.
    @inline(__always)
    private static func plainDigits(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard text.count > 0, text.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in text {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
        }
        return value
    }

    /// Whether the bytes may be a finite decimal number (`0.15`, `1`, `1e-1`): digits, `.`,
    /// signs and exponents only, so `Double` never reads `.nan`, `.inf`, hex or text.
    private static func isDecimalText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawDigit = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default: return false
            }
        }
        return sawDigit
    }
}
