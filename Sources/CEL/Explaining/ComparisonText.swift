/// The fixed parts of a comparison's evidence text, `months_between(d.date, as_of) = 8 <
/// bar_months = 12 → true`: everything but the operands' values and the outcome, written once
/// when the expression is planned. A finding's evidence used to cut both operands' source
/// texts, shorten them and join every part for each comparison it recorded.
struct ComparisonText: Sendable {
    /// `lhs = `, or the literal's own text (a literal's value is its text).
    let head: [UInt8]
    let showsLeft: Bool
    /// ` < rhs = `, or ` < ` and the literal's text.
    let middle: [UInt8]
    let showsRight: Bool

    /// The operator's symbol in a comparison's text, for the calls that record one.
    static let symbols: [String: String] = [
        "_==_": "==", "_!=_": "!=", "@in": "in", "_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">=",
    ]

    /// The text of `function(lhs, rhs)` when it is a comparison; nil for any other call.
    init?(_ function: String, _ lhs: Node, _ rhs: Node, info: SourceInfo) {
        guard let symbol = Self.symbols[function] else { return nil }
        showsLeft = !(lhs is ConstNode)
        showsRight = !(rhs is ConstNode)
        var head = Array(Explainer.shortened(info.text(of: lhs.id)).utf8)
        if showsLeft { head += " = ".utf8 }
        var middle = Array(" \(symbol) ".utf8)
        middle += Explainer.shortened(info.text(of: rhs.id)).utf8
        if showsRight { middle += " = ".utf8 }
        self.head = head
        self.middle = middle
    }

    /// `left = 8 < right = 12 → true`: a comparison and what it gave, since a false one can
    /// be as decisive as a true one (under `!`, or as the side of `||` that did not hold).
    /// Written into `bytes` (emptied first, its capacity kept) and made a string once.
    func text(_ left: Value, _ right: Value, _ result: Value, scratch bytes: inout [UInt8]) -> String {
        bytes.removeAll(keepingCapacity: true)
        bytes += head
        if showsLeft { Self.appendShortened(left, to: &bytes) }
        bytes += middle
        if showsRight { Self.appendShortened(right, to: &bytes) }
        bytes += " → ".utf8
        if case .bool(let flag) = result { bytes += (flag ? "true" : "false").utf8 } else { result.appendDisplayText(to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value`'s display text cut as `Explainer.shortened` cuts it.
    private static func appendShortened(_ value: Value, to bytes: inout [UInt8]) {
        let start = bytes.count
        value.appendDisplayText(to: &bytes)
        // No text has more characters than UTF-8 bytes: most are short enough without counting.
        guard bytes.count - start > Explainer.maxValueText else { return }
        let shortened = Explainer.shortened(String(decoding: bytes[start...], as: UTF8.self))
        bytes.replaceSubrange(start..., with: shortened.utf8)
    }
}
