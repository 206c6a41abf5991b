/// Duration text: Go/CEL strings in (`duration('1h30m')`), protobuf JSON text out (`"5400s"`).
extension CELDuration {
    /// Parses a Go-style duration: an optional sign, then `0` or one or more
    /// `<decimal>[.<fraction>]<unit>` with units `h m s ms us µs ns` (`"1.5s"`, `"-1h30m"`).
    /// The range is CEL's, as Go's: one int64 of nanoseconds (about ±292 years); nil outside it
    /// or for malformed text. Fractions finer than a nanosecond are truncated.
    public init?(celText text: String) {
        var scalars = Substring(text).unicodeScalars[...]
        let negative = scalars.first == "-"
        if negative || scalars.first == "+" { scalars.removeFirst() }
        if scalars.elementsEqual("0".unicodeScalars) {
            self.init(seconds: 0)
            return
        }
        guard !scalars.isEmpty else { return nil }
        var total = CELDuration(seconds: 0)
        while !scalars.isEmpty {
            guard let part = Self.parsePart(&scalars), let sum = total.adding(part) else { return nil }
            total = sum
        }
        guard let result = negative ? total.negated() : total else { return nil }
        self = result
    }

    /// One `<decimal>[.<fraction>]<unit>` component, consumed from the front of `text`.
    private static func parsePart(_ text: inout Substring.UnicodeScalarView.SubSequence) -> CELDuration? {
        let whole = takeDigits(&text)
        var fraction: Substring.UnicodeScalarView.SubSequence = ""[...].unicodeScalars
        if text.first == "." {
            text.removeFirst()
            fraction = takeDigits(&text)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return nil }
        let unitText = String(String.UnicodeScalarView(text.prefix { !("0"..."9").contains($0) && $0 != "." }))
        text = text.dropFirst(unitText.unicodeScalars.count)
        guard let unit = unitNanos[unitText] else { return nil }
        // whole × unit, split into seconds and nanoseconds so nothing needs more than 64 bits.
        var value: Int64 = 0
        for digit in whole {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int64(digit.value - 48))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        let seconds: Int64
        let nanos: Int64
        if unit >= TimeConstants.nanosPerSecond {
            let (s, overflow) = value.multipliedReportingOverflow(by: unit / TimeConstants.nanosPerSecond)
            guard !overflow else { return nil }
            seconds = s
            nanos = 0
        } else {
            let perSecond = TimeConstants.nanosPerSecond / unit
            seconds = value / perSecond
            nanos = value % perSecond * unit
        }
        return normalized(seconds: seconds, nanos: nanos + fractionNanos(fraction, unit: unit))
    }

    /// `0.<digits>` of `unit` nanoseconds, truncated; digits beyond 18 are ignored.
    private static func fractionNanos(_ digits: Substring.UnicodeScalarView.SubSequence, unit: Int64) -> Int64 {
        var numerator: UInt64 = 0
        var scale: UInt64 = 1
        for digit in digits.prefix(18) {
            numerator = numerator * 10 + UInt64(digit.value - 48)
            scale *= 10
        }
        let product = UInt64(unit).multipliedFullWidth(by: numerator)
        return Int64(scale.dividingFullWidth(product).quotient)
    }

    private static func takeDigits(
        _ text: inout Substring.UnicodeScalarView.SubSequence
    ) -> Substring.UnicodeScalarView.SubSequence {
        let digits = text.prefix { ("0"..."9").contains($0) }
        text = text.dropFirst(digits.count)
        return digits
    }

    /// Nanoseconds per unit, with both micro signs Go accepts (U+00B5, U+03BC).
    private static let unitNanos: [String: Int64] = [
        "ns": 1, "us": 1000, "\u{B5}s": 1000, "\u{3BC}s": 1000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// Seconds, a fraction without trailing zeros when non-zero, and `s`, as cel-go's
    /// `string(duration)` prints: `"3600s"`, `"1.5s"`, `"-0.000000001s"`.
    public var celText: String {
        let sign = seconds < 0 || nanos < 0 ? "-" : ""
        var text = sign + String(seconds.magnitude)
        if nanos != 0 {
            var digits = Substring(CivilDate.zeroPadded(nanos.magnitude, 9))
            while digits.last == "0" { digits.removeLast() }
            text += "." + digits
        }
        return text + "s"
    }
}
