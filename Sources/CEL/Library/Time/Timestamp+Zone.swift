import Foundation

/// The calendar fields of an instant in some time zone, for CEL's timestamp accessors.
/// Months and days are 1-based here; CEL's 0-based accessors (`getMonth`, `getDayOfYear`,
/// `getDayOfMonth`) subtract one.
public struct TimestampComponents: Hashable, Sendable {
    public var year: Int
    /// 1...12
    public var month: Int
    /// 1...31
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var millisecond: Int
    /// 0 = Sunday ... 6 = Saturday, as CEL's `getDayOfWeek`.
    public var dayOfWeek: Int
    /// 1-based day of the year.
    public var dayOfYear: Int
}

extension Timestamp {
    /// The fields of this instant in `zone`: nil = UTC, a fixed offset `+05:30` / `-08:00`
    /// (sign optional), `UTC`/`Z`, or an IANA name such as `America/Los_Angeles` (resolved by
    /// Foundation's TimeZone, so daylight saving applies). Nil for an unknown zone, or when
    /// the local date would fall outside years 1...9999.
    public func components(inZone zone: String?) -> TimestampComponents? {
        guard let offset = Self.offset(ofZone: zone, at: seconds) else { return nil }
        let local = seconds + Int64(offset)
        let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let secondOfDay = Int(local - Int64(days) * 86_400)
        guard let date = CivilDate(daysSinceEpoch: days),
            let newYear = CivilDate(year: date.year, month: 1, day: 1)
        else { return nil }
        return TimestampComponents(
            year: date.year, month: date.month, day: date.day,
            hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60,
            millisecond: Int(nanos) / 1_000_000,
            dayOfWeek: date.weekday % 7,
            dayOfYear: days - newYear.daysSinceEpoch + 1)
    }

    /// Seconds east of UTC for `zone` at the instant `seconds`; nil for an unknown zone.
    static func offset(ofZone zone: String?, at seconds: Int64) -> Int? {
        guard let zone, zone != "UTC", zone != "Z" else { return 0 }
        if let fixed = fixedOffset(zone) { return fixed }
        guard zone.contains("/") || zone.allSatisfy({ $0.isLetter || $0 == "_" }),
            let timeZone = TimeZone(identifier: zone)
        else { return nil }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }

    /// `[+-]HH:MM` (sign optional) as seconds east of UTC.
    private static func fixedOffset(_ zone: String) -> Int? {
        let bytes = Array(zone.utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        let signed = bytes.first == UInt8(ascii: "+") || negative
        var reader = DigitReader(Array(bytes.dropFirst(signed ? 1 : 0)))
        guard let hours = reader.number(2), hours <= 23, reader.take(anyOf: ":"),
            let minutes = reader.number(2), minutes <= 59, reader.atEnd
        else { return nil }
        let offset = hours * 3600 + minutes * 60
        return negative ? -offset : offset
    }
}
