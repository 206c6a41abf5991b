/// A calendar date with no time or zone: dossier dates are days, not instants.
///
/// Stored in four bytes (a dossier holds many dates, and every `Value` is as large as its
/// largest payload), read as plain `Int`s.
public struct CivilDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    private let storedYear: UInt16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    /// Nil unless the date exists in the proleptic Gregorian calendar, years 1 to 9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.storedYear = UInt16(year)
        self.storedMonth = UInt8(month)
        self.storedDay = UInt8(day)
    }

    /// Parses the strict `YYYY-MM-DD` form used by dossiers and `date('...')`:
    /// exactly four year digits and two month and day digits, and the date must exist.
    /// Inlinable so that callers get it specialized for their string type: unspecialized, the
    /// generic byte loop dominated the typing of dossier dates.
    @inlinable
    public init?(iso text: some StringProtocol) {
        self.init(isoUTF8: text.utf8)
    }

    /// `init(iso:)` over UTF-8 bytes, such as a scalar in libyaml's buffer: dossier typing
    /// parses every date without making a `String` of it.
    @inlinable
    public init?<Bytes: Collection<UInt8>>(isoUTF8 bytes: Bytes) {
        let parsed = bytes.withContiguousStorageIfAvailable(Self.fixedPlaces)
            ?? Array(bytes).withUnsafeBufferPointer(Self.fixedPlaces)
        guard let parsed else { return nil }
        self = parsed
    }

    /// `YYYY-MM-DD` read at its ten fixed places, with no loop: every date of every dossier
    /// is read, and a byte loop with its position tests cost five times as much.
    @inlinable
    static func fixedPlaces(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard bytes.count == 10, let base = bytes.baseAddress,
            base[4] == UInt8(ascii: "-"), base[7] == UInt8(ascii: "-")
        else { return nil }
        // Each digit's value; a byte that is no digit gives 10 or more (wrapping below "0").
        @inline(__always) func digit(_ index: Int) -> Int { Int(base[index] &- UInt8(ascii: "0")) }
        let digits = (digit(0), digit(1), digit(2), digit(3), digit(5), digit(6), digit(8), digit(9))
        guard digits.0 < 10, digits.1 < 10, digits.2 < 10, digits.3 < 10, digits.4 < 10, digits.5 < 10,
            digits.6 < 10, digits.7 < 10
        else { return nil }
        return CivilDate(
            year: digits.0 * 1000 + digits.1 * 100 + digits.2 * 10 + digits.3, month: digits.4 * 10 + digits.5,
            day: digits.6 * 10 + digits.7)
    }

    /// The value of a run of ASCII digits, nil if any byte is not a digit.
    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`, zero padded: the form dossiers use and English messages print.
    /// Ten ASCII bytes written in place (a small string, no allocation): evidence, comparisons
    /// and messages print a date for every one a finding reads, and three number conversions,
    /// paddings and joins cost thirty times as much.
    public var description: String {
        // A date's year is 1...9999 (`init`), so the four digits always hold it.
        let (year, month, day) = (self.year, self.month, self.day)
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func digit(_ value: Int) -> UInt8 { 0x30 &+ UInt8(truncatingIfNeeded: value % 10) }
            bytes[0] = digit(year / 1000)
            bytes[1] = digit(year / 100)
            bytes[2] = digit(year / 10)
            bytes[3] = digit(year)
            bytes[4] = 0x2D
            bytes[5] = digit(month / 10)
            bytes[6] = digit(month)
            bytes[7] = 0x2D
            bytes[8] = digit(day / 10)
            bytes[9] = digit(day)
            return 10
        }
    }

    /// `value` in decimal, left padded with zeros to `width` digits (for non-negative values).
    static func zeroPadded(_ value: some BinaryInteger, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
