/// The working-day calendar of a rule set: Monday to Friday, less the listed public holidays
/// (official days off, including compensatory ones), for the years the calendar covers.
///
/// `workingDaysBetween` runs for every complaint of every dossier, so it counts weekdays
/// arithmetically and finds holidays by binary search: O(log h) per call, never a day loop.
public struct HolidayCalendar: Sendable {
    /// The years the holiday list covers; dates outside them have no answer.
    public let years: ClosedRange<Int>
    /// `daysSinceEpoch` of every holiday that falls on a weekday, sorted ascending.
    /// Weekend holidays are dropped: weekends never count anyway.
    private let weekdayHolidays: [Int]

    public init(holidays: Set<CivilDate>, years: ClosedRange<Int>) {
        self.years = years
        self.weekdayHolidays = holidays.filter { $0.weekday <= 5 }.map(\.daysSinceEpoch).sorted()
    }

    /// True for Monday to Friday unless the day is a listed holiday.
    public func isWorkingDay(_ d: CivilDate) -> Bool {
        d.weekday <= 5 && !isHoliday(d.daysSinceEpoch)
    }

    /// The number of working days d with a < d ≤ b; negative likewise when b < a.
    /// Nil when a or b lies outside `years` (the rules treat that as an evaluation error).
    public func workingDaysBetween(_ a: CivilDate, _ b: CivilDate) -> Int? {
        guard years.contains(a.year), years.contains(b.year) else { return nil }
        if b < a { return workingDaysBetween(b, a).map { -$0 } }
        let start = a.daysSinceEpoch
        let end = b.daysSinceEpoch
        let weekdays = Self.weekdaysThrough(end) - Self.weekdaysThrough(start)
        let holidays = lowerBound(end + 1) - lowerBound(start + 1)
        return weekdays - holidays
    }

    /// Weekdays among days 0...day (counting from 1970-01-01); any fixed origin works because
    /// only differences are used. Floor division keeps negative days (before 1970) right.
    private static func weekdaysThrough(_ day: Int) -> Int {
        // Shift so that 0 is a Monday: 1970-01-05 (day 4) was a Monday.
        let shifted = day - 4
        let weeks = shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
        let rest = shifted - weeks * 7  // 0 = Monday ... 6 = Sunday
        return weeks * 5 + min(rest + 1, 5)
    }

    private func isHoliday(_ day: Int) -> Bool {
        let i = lowerBound(day)
        return i < weekdayHolidays.count && weekdayHolidays[i] == day
    }

    /// Index of the first holiday on or after `day`.
    private func lowerBound(_ day: Int) -> Int {
        var low = 0
        var high = weekdayHolidays.count
        while low < high {
            let mid = (low + high) / 2
            if weekdayHolidays[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
