import Diagnostics

/// A message template: literal text and `{{ expression }}` placeholders, each placeholder
/// keeping its place in the rule file so that a compile error points at it.
public struct MessageTemplate: Sendable {
    /// One piece of the template.
    public enum Segment: Sendable {
        case literal(String)
        /// The expression between `{{` and `}}`, white space included (CEL ignores it).
        case expression(EmbeddedSource)
    }

    public var segments: [Segment]

    /// The placeholders' expressions, trimmed, in order (for comparing languages).
    public var placeholders: [String] {
        segments.compactMap {
            if case .expression(let source) = $0 { return source.text.trimmingSpaces } else { return nil }
        }
    }

    /// Splits `source.text` at `{{` and `}}`; problems (an unclosed or empty placeholder)
    /// are reported and the rest is kept as literal text.
    public static func parse(_ source: EmbeddedSource) -> (MessageTemplate, [Diagnostic]) {
        let bytes = Array(source.text.utf8)
        var segments: [Segment] = []
        var diagnostics: [Diagnostic] = []
        var literalStart = 0
        var index = 0
        func flushLiteral(upTo end: Int) {
            if end > literalStart {
                segments.append(.literal(String(decoding: bytes[literalStart..<end], as: UTF8.self)))
            }
        }
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            guard let close = closing(in: bytes, from: index + 2) else {
                diagnostics.append(RuleMessages.unclosedPlaceholder(at: source.location(ofUTF8Offset: index)))
                break
            }
            flushLiteral(upTo: index)
            let inner = source.segment((index + 2)..<close)
            if inner.text.trimmingSpaces.isEmpty {
                diagnostics.append(RuleMessages.emptyPlaceholder(at: source.location(ofUTF8Offset: index)))
            } else {
                segments.append(.expression(inner))
            }
            index = close + 2
            literalStart = index
        }
        flushLiteral(upTo: bytes.count)
        return (MessageTemplate(segments: segments), diagnostics)
    }

    /// The offset of the `}}` that closes a placeholder starting at `start`.
    private static func closing(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "}"), bytes[index + 1] == UInt8(ascii: "}") { return index }
            index += 1
        }
        return nil
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
