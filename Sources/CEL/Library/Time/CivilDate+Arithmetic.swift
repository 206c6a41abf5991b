/// Day, month and year arithmetic on civil dates, in O(1).
///
/// Conversions use Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
/// (https://howardhinnant.github.io/date_algorithms.html). Every result is range-checked
/// against years 1...9999 and every step uses overflow-reporting arithmetic, so huge
/// `n` gives nil instead of a trap.
extension CivilDate {
    /// Days since 1970-01-01 (which is 0); negative before it.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01; nil outside years 1...9999 (never traps).
    public init?(daysSinceEpoch days: Int) {
        guard days >= CivilDate.minDays, days <= CivilDate.maxDays else { return nil }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// Days from 1970-01-01 to 0001-01-01 and to 9999-12-31.
    static let minDays = -719_162
    static let maxDays = 2_932_896

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4); floor modulo keeps dates before 1970 right.
        let r = (daysSinceEpoch + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The date `n` days later (earlier when negative); nil outside years 1...9999.
    public func addingDays(_ n: Int) -> CivilDate? {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(n)
        return overflow ? nil : CivilDate(daysSinceEpoch: sum)
    }

    /// The date `n` months later; a day past the end of the target month becomes its last
    /// day (2024-01-31 + 1 month = 2024-02-29). Nil outside years 1...9999.
    public func addingMonths(_ n: Int) -> CivilDate? {
        let (index, overflow) = monthIndex.addingReportingOverflow(n)
        guard !overflow, index >= 12, index < 10_000 * 12 else { return nil }
        let year = index / 12
        let month = index % 12 + 1
        return CivilDate(year: year, month: month, day: min(day, CivilDate.daysIn(month: month, year: year)))
    }

    /// `addingMonths(12 * n)`, as the rules' `add_years` is defined (Feb 29 + 1 year = Feb 28).
    public func addingYears(_ n: Int) -> CivilDate? {
        let (months, overflow) = n.multipliedReportingOverflow(by: 12)
        return overflow ? nil : addingMonths(months)
    }

    /// Months counted from year 0: year * 12 + month - 1.
    var monthIndex: Int { year * 12 + month - 1 }

    /// Whole months from `a` to `b`: for b ≥ a the largest n with `a.addingMonths(n) <= b`;
    /// for b < a, minus the months from b to a. So 2025-01-31 → 2025-02-28 is 1.
    public static func monthsBetween(_ a: CivilDate, _ b: CivilDate) -> Int {
        guard a <= b else { return -monthsBetween(b, a) }
        let n = b.monthIndex - a.monthIndex
        // a + n months lies in b's month; it overshoots only when its (clamped) day passes b's.
        let clampedDay = min(a.day, daysIn(month: b.month, year: b.year))
        return clampedDay > b.day ? n - 1 : n
    }

    /// Whole years from `a` to `b`, defined through `addingYears` like `monthsBetween`;
    /// `yearsBetween(birth, asOf)` is the age on `asOf`.
    public static func yearsBetween(_ a: CivilDate, _ b: CivilDate) -> Int {
        guard a <= b else { return -yearsBetween(b, a) }
        let n = b.year - a.year
        // a + n years lies in b's year; the previous candidate is a whole year earlier, so ≤ b.
        let candidate = CivilDate(
            year: b.year, month: a.month, day: min(a.day, daysIn(month: a.month, year: b.year)))
        guard let candidate, candidate > b else { return n }
        return n - 1
    }

    /// Days from `a` to `b` (negative when b < a).
    public static func daysBetween(_ a: CivilDate, _ b: CivilDate) -> Int {
        b.daysSinceEpoch - a.daysSinceEpoch
    }
}
