import Testing

#if canImport(CELDomain)
@testable import CELDomain
#else
@testable import CEL
#endif

@Suite struct HolidayCalendarTests {
    /// Tết 2025: Mon 2025-01-27 ... Fri 2025-01-31 off; plus 2025-04-30, 2025-05-01 and a
    /// Saturday listed by mistake (must not count twice).
    static let calendar = HolidayCalendar(
        holidays: Set(
            ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-30", "2025-05-01",
             "2025-02-01"].compactMap { CivilDate(iso: $0) }),
        years: 2024...2026)

    @Test(arguments: [
        ("2025-01-24", "2025-02-03", 1),  // Fri → Mon after Tết: only Mon 02-03
        ("2025-01-24", "2025-01-24", 0),
        ("2025-01-24", "2025-01-27", 0),  // a < d ≤ b: Sat, Sun, Tết Monday
        ("2025-01-20", "2025-01-24", 4),  // Mon → Fri: Tue..Fri
        ("2025-01-18", "2025-01-19", 0),  // Sat → Sun
        ("2025-01-17", "2025-01-20", 1),  // Fri → Mon
        ("2025-02-03", "2025-01-24", -1),
        ("2025-01-01", "2025-12-31", 253),  // 261 weekdays − Wed 01-01 (a excluded) − 7 holidays
        ("2024-01-01", "2024-12-31", 261),
        ("2024-12-31", "2026-01-01", 255),  // 261 − 7 in 2025, plus Thu 2026-01-01
    ])
    func counts(a: String, b: String, expected: Int) throws {
        let from = try #require(CivilDate(iso: a))
        let to = try #require(CivilDate(iso: b))
        #expect(Self.calendar.workingDaysBetween(from, to) == expected)
    }

    @Test func agreesWithDayByDayCount() throws {
        let start = try #require(CivilDate(iso: "2024-12-20"))
        for i in 0..<60 {
            for j in stride(from: 0, to: 200, by: 3) {
                let a = try #require(start.addingDays(i))
                let b = try #require(start.addingDays(j))
                var expected = 0
                for k in stride(from: min(i, j) + 1, through: max(i, j), by: 1)
                where Self.calendar.isWorkingDay(try #require(start.addingDays(k))) {
                    expected += 1
                }
                #expect(Self.calendar.workingDaysBetween(a, b) == (j >= i ? expected : -expected))
            }
        }
    }

    @Test func isWorkingDay() throws {
        #expect(Self.calendar.isWorkingDay(try #require(CivilDate(iso: "2025-01-27"))) == false)
        #expect(Self.calendar.isWorkingDay(try #require(CivilDate(iso: "2025-02-03"))) == true)
        #expect(Self.calendar.isWorkingDay(try #require(CivilDate(iso: "2025-02-08"))) == false)
    }

    @Test func outsideYearsIsNil() throws {
        let inside = try #require(CivilDate(iso: "2025-01-01"))
        let before = try #require(CivilDate(iso: "2023-12-31"))
        let after = try #require(CivilDate(iso: "2027-01-01"))
        #expect(Self.calendar.workingDaysBetween(before, inside) == nil)
        #expect(Self.calendar.workingDaysBetween(inside, after) == nil)
        #expect(Self.calendar.years == 2024...2026)
    }
}
