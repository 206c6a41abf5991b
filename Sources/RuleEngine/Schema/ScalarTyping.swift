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
        if let tag = scalar.tag { return tag == "!!null" }
        guard scalar.style == .plain else { return false }
        return isAnyOf(scalar.text, nullLiterals)
    }

    static let nullLiterals: [StaticString] = ["", "~", "null", "Null", "NULL"]
    static let trueLiterals: [StaticString] = ["true", "True", "TRUE"]
    static let falseLiterals: [StaticString] = ["false", "False", "FALSE"]

    /// Whether `text` is one of `literals`, compared byte for byte.
    ///
    /// For the YAML null and bool literals this is exactly `==` (Unicode canonical
    /// equivalence): no character decomposes canonically to one of their letters, so only the
    /// same bytes match. It spares the normalizing comparison that `==` runs on every
    /// non-ASCII scalar (names, addresses) of every dossier.
    static func isAnyOf(_ text: String, _ literals: [StaticString]) -> Bool {
        let bytes = text.utf8
        let count = bytes.count
        for literal in literals where literal.utf8CodeUnitCount == count {
            let same = literal.withUTF8Buffer { $0.elementsEqual(bytes) }
            if same { return true }
        }
        return false
    }

    /// Whether the node is a scalar that is YAML null (see `isNull(_:)` for scalars).
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node.kind else { return false }
        return isNull(scalar)
    }

    /// The value of `scalar` under the scalar type `type` (lists and objects are not scalars).
    static func convert(_ scalar: Node.Scalar, as type: FieldType) -> ScalarOutcome {
        if isNull(scalar) { return .null }
        return convertNonNull(scalar, as: type)
    }

    /// `convert` for a scalar already known not to be YAML null (`isNull` is false), so that
    /// the validator, which checks null first to report it, does not compare it twice.
    static func convertNonNull(_ scalar: Node.Scalar, as type: FieldType) -> ScalarOutcome {
        let text = scalar.text
        switch type {
        case .string:
            return .value(.string(text))
        case .int:
            guard let number = integer(text, underscores: false) else {
                return .problem(.type(expected: "an integer"))
            }
            return .value(.int(number))
        case .bool:
            if isAnyOf(text, trueLiterals) { return .value(.bool(true)) }
            if isAnyOf(text, falseLiterals) { return .value(.bool(false)) }
            return .problem(.type(expected: "true or false"))
        case .date:
            guard let date = CivilDate(iso: text) else { return .problem(.date) }
            return .value(.date(date))
        case .money(let signed):
            guard let amount = integer(text, underscores: true), signed || amount >= 0 else {
                return .problem(.money(signed: signed))
            }
            return .value(.int(amount))
        case .share:
            guard let share = decimal(text), share >= 0, share <= 1 else { return .problem(.share) }
            return .value(.double(share))
        case .enumeration(let values):
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
    private static func integer(utf8 text: UnsafeBufferPointer<UInt8>, underscores: Bool) -> Int64? {
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

    /// A finite decimal number (`0.15`, `1`, `1e-1`); nil for `.nan`, `.inf`, hex or text.
    static func decimal(_ text: String) -> Double? {
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default: return nil
            }
        }
        guard sawDigit, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
