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
    /// `~`, `null`, an empty plain scalar or `!!null`: the field is absent.
    case null
    case problem(ScalarProblem)
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

    /// `isNull` over a scalar's UTF-8 bytes, as the typing core reads them.
    static func isNull(_ bytes: UnsafeBufferPointer<UInt8>, style: Node.Scalar.Style, tag: String?) -> Bool {
        if let tag { return tag == "!!null" }
        // Every scalar is asked: longer text (most of them) is no null literal.
        guard style == .plain, bytes.count <= nullLiteralMaxCount else { return false }
        return isAnyOf(bytes, nullLiterals)
    }

    static let nullLiterals: [StaticString] = ["", "~", "null", "Null", "NULL"]
    static let nullLiteralMaxCount = nullLiterals.map(\.utf8CodeUnitCount).max() ?? 0
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
            let same = literal.withUTF8Buffer { $0.elementsEqual(bytes) }
            if same { return true }
        }
        return false
    }

    /// The value of `scalar` under the scalar type `type` (lists and objects are not scalars).
    static func convert(_ scalar: Node.Scalar, as type: FieldType) -> ScalarOutcome {
        if isNull(scalar) { return .null }
        var text = scalar.text
        return text.withUTF8 { convertNonNull($0, as: type, text: { scalar.text }) }
    }

    /// The value of a scalar already known not to be YAML null (`isNull` is false), read from
    /// its UTF-8 `bytes`; `text` gives it as a `String`, asked for only by `string` fields and
    /// the rare enum code written in another Unicode form, so numbers, dates, booleans and
    /// enum codes cost no string (an enum code is the schema's own `String`).
    static func convertNonNull(
        _ bytes: UnsafeBufferPointer<UInt8>, as type: FieldType, text: () -> String
    ) -> ScalarOutcome {
        switch type {
        case .string:
            return .value(.string(text()))
        case .int:
            guard let number = integer(utf8: bytes, underscores: false) else {
                return .problem(.type(expected: "an integer"))
            }
            return .value(.int(number))
        case .bool:
            if isAnyOf(bytes, trueLiterals) { return .value(.bool(true)) }
            if isAnyOf(bytes, falseLiterals) { return .value(.bool(false)) }
            return .problem(.type(expected: "true or false"))
        case .date:
            guard let date = CivilDate(isoUTF8: bytes) else { return .problem(.date) }
            return .value(.date(date))
        case .money(let signed):
            guard let amount = integer(utf8: bytes, underscores: true), signed || amount >= 0 else {
                return .problem(.money(signed: signed))
            }
            return .value(.int(amount))
        case .share:
            guard isDecimalText(bytes), let share = Double(text()), share.isFinite, share >= 0, share <= 1 else {
                return .problem(.share)
            }
            return .value(.double(share))
        case .enumeration(let values):
            for value in values where UTF8Bytes.same(value, bytes) { return .value(.string(value)) }
            let text = text()
            guard values.contains(text) else { return .problem(.enumeration(values)) }
            return .value(.string(text))
        case .list, .object:
            return .problem(.type(expected: "a \(type)"))
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
