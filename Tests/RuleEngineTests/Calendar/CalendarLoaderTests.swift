import CEL
import Diagnostics
import RuleEngine
import Testing
import YAML

@Suite struct CalendarLoaderTests {
    private func load(_ text: String) -> (HolidayCalendar?, [String]) {
        let (calendar, diagnostics) = CalendarLoader.load(YAMLLoader.load(text: text, file: "cal.yaml").root, file: "cal.yaml")
        return (calendar, diagnostics.map(\.description))
    }

    @Test func readsDaysAndSpans() throws {
        let (calendar, lines) = load("""
            format: calendar/1
            years: {from: 2019, to: 2027}
            holidays:
              - {date: 2025-01-01, name: Tết Dương lịch}
              - {from: 2025-01-25, to: 2025-02-02, name: Tết Nguyên đán Ất Tỵ}
            """)
        #expect(lines == [])
        let loaded = try #require(calendar)
        #expect(loaded.years == 2019...2027)
        let day = { CivilDate(year: 2025, month: $0, day: $1)! }
        #expect(!loaded.isWorkingDay(day(1, 1)))
        #expect(!loaded.isWorkingDay(day(1, 27)))  // a Monday inside the Tết span
        #expect(!loaded.isWorkingDay(day(2, 2)))
        #expect(loaded.isWorkingDay(day(2, 3)))
    }

    @Test func reportsEveryProblem() {
        let (calendar, lines) = load("""
            format: calendar/1
            years: {from: 2027, to: 2019}
            holidays:
              - {date: 2025-02-29}
              - {from: 2025-02-02, to: 2025-01-25}
              - {to: 2025-01-25}
            """)
        #expect(calendar == nil)
        #expect(lines == [
            "cal.yaml:2:8: error: years.from 2027 is after years.to 2019 [calendar.range]",
            "cal.yaml:4:12: error: invalid date for holidays[0].date; expected an existing date as YYYY-MM-DD [calendar.date]",
            "cal.yaml:5:5: error: holidays[1] must run forward, from 2025-02-02 to 2025-01-25, within a year [calendar.range]",
            "cal.yaml:6:5: error: missing holidays[2].from (or date) [calendar.missing]",
        ])
    }

    @Test func formatIsChecked() {
        #expect(load("format: calendar/2\nyears: {from: 1, to: 2}\n").1 == [
            "cal.yaml:1:9: error: format must be calendar/1, found 'calendar/2' [calendar.format]"
        ])
    }
}
