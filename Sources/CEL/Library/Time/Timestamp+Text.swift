/// RFC 3339 text for timestamps, as CEL's `timestamp('...')` and `string(t)` use it.
extension Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)` (RFC 3339, as CEL accepts it: `T`/`Z` in
    /// either case). Nil for any other shape, an impossible date or time, or an instant
    /// outside 0001-01-01T00:00:00Z...9999-12-31T23:59:59.999999999Z.
    public init?(rfc3339 text: String) {
        var reader = DigitReader(Array(text.utf8))
        guard let date = reader.date(), reader.take(anyOf: "Tt"),
            let hour = reader.number(2), hour <= 23, reader.take(anyOf: ":"),
            let minute = reader.number(2), minute <= 59, reader.take(anyOf: ":"),
            let second = reader.number(2), second <= 59,
            let nanos = reader.fraction(),
            let offset = reader.zoneOffset(), reader.atEnd
        else { return nil }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        guard let value = Timestamp.normalized(seconds: local - Int64(offset), nanos: Int64(nanos))
        else { return nil }
        self = value
    }

    /// The instant in UTC with `Z`; a fraction only when non-zero, with 3, 6 or 9 digits
    /// (as protobuf's JSON mapping prints it). Values built by this module are always in range;
    /// a hand-built out-of-range value prints its date as `????-??-??` rather than trapping.
    public var rfc3339: String {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let date = CivilDate(daysSinceEpoch: days)?.description ?? "????-??-??"
        let time = CivilDate.zeroPadded(secondOfDay / 3600, 2) + ":"
            + CivilDate.zeroPadded(secondOfDay / 60 % 60, 2) + ":"
            + CivilDate.zeroPadded(secondOfDay % 60, 2)
        return date + "T" + time + TimeConstants.fractionText(nanos: Int(nanos)) + "Z"
    }
}

/// A cursor over ASCII bytes for the fixed-width fields of RFC 3339 text.
struct DigitReader {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    /// Consumes exactly `width` digits.
    mutating func number(_ width: Int) -> Int? {
        guard index + width <= bytes.count,
            let value = CivilDate.digits(bytes[index..<index + width])
        else { return nil }
        index += width
        return value
    }

    /// Consumes one byte if it is one of `characters` (ASCII).
    mutating func take(anyOf characters: String) -> Bool {
        guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
        index += 1
        return true
    }

    mutating func date() -> CivilDate? {
        guard let year = number(4), take(anyOf: "-"), let month = number(2), take(anyOf: "-"),
            let day = number(2)
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// An optional `.` and 1 to 9 digits, as nanoseconds (0 when absent).
    mutating func fraction() -> Int? {
        guard take(anyOf: ".") else { return 0 }
        var nanos = 0
        var count = 0
        while index < bytes.count, let digit = CivilDate.digits(bytes[index..<index + 1]) {
            guard count < 9 else { return nil }
            nanos = nanos * 10 + digit
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<9 { nanos *= 10 }
        return nanos
    }

    /// `Z` (0) or `±HH:MM` as seconds east of UTC.
    mutating func zoneOffset() -> Int? {
        if take(anyOf: "Zz") { return 0 }
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        guard take(anyOf: "+-"), let hours = number(2), hours <= 23, take(anyOf: ":"),
            let minutes = number(2), minutes <= 59
        else { return nil }
        let offset = hours * 3600 + minutes * 60
        return negative ? -offset : offset
    }
}
