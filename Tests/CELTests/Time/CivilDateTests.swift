import Testing

#if canImport(CELDomain)
@testable import CELDomain
#else
@testable import CEL
#endif

private func date(_ text: String) -> CivilDate {
    guard let d = CivilDate(iso: text) else {
        Issue.record("bad test date \(text)")
        return CivilDate(year: 1970, month: 1, day: 1)!
    }
    return d
}

@Suite struct CivilDateTests {
    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2023-02-30", false), ("0000-00-00", false),
        ("2025-1-10", false), ("25-01-10", false), ("2025-01-10 ", false), ("2025/01/10", false),
        ("9999-12-31", true), ("0001-01-01", true), ("2025-13-01", false), ("2025-04-31", false),
        ("1900-02-29", false), ("2000-02-29", true), ("+025-01-01", false), ("２０２５-01-01", false),
    ])
    func parsesStrictISO(text: String, valid: Bool) {
        let parsed = CivilDate(iso: text)
        #expect((parsed != nil) == valid)
        if let parsed { #expect(parsed.description == text) }
    }

    /// `init(isoUTF8:)` reads a date at its fixed places; it agrees with a plain reading of
    /// the strict form (ten bytes, dashes at 4 and 7, digits elsewhere, a date that exists)
    /// for every byte value at every place, over contiguous bytes and over bytes that are not.
    @Test func isoBytesAgreeWithThePlainReading() {
        func plain(_ bytes: [UInt8]) -> CivilDate? {
            guard bytes.count == 10 else { return nil }
            var parts = [0, 0, 0]
            for (place, byte) in bytes.enumerated() {
                if place == 4 || place == 7 {
                    guard byte == UInt8(ascii: "-") else { return nil }
                    continue
                }
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                let part = place < 4 ? 0 : place < 7 ? 1 : 2
                parts[part] = parts[part] * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return CivilDate(year: parts[0], month: parts[1], day: parts[2])
        }
        var inputs = ["", "2024-02-29", "2023-02-29", "2100-02-29", "2000-02-29", "0000-01-01", "0001-01-01",
                      "9999-12-31", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-01", "2025-01-011",
                      "2025/01/01", "20250-1-01", "２０２５-01-01"].map { Array($0.utf8) }
        let base = Array("2024-02-29".utf8)
        for place in base.indices {
            for byte in UInt8.min...UInt8.max {
                var bytes = base
                bytes[place] = byte
                inputs.append(bytes)
            }
        }
        var valid = 0
        for bytes in inputs {
            let expected = plain(bytes)
            #expect(CivilDate(isoUTF8: bytes) == expected, "\(bytes)")
            #expect(CivilDate(isoUTF8: bytes.lazy.map { $0 }) == expected, "not contiguous: \(bytes)")
            if expected != nil { valid += 1 }
        }
        #expect(valid > 10)
    }

    @Test func descriptionPads() {
        #expect(CivilDate(year: 5, month: 3, day: 7)?.description == "0005-03-07")
        #expect(CivilDate(year: 1, month: 1, day: 1)?.description == "0001-01-01")
        #expect(CivilDate(year: 999, month: 10, day: 10)?.description == "0999-10-10")
        #expect(CivilDate(year: 9999, month: 12, day: 31)?.description == "9999-12-31")
    }

    /// The bytes written in place give the padded, joined numbers, for every day of years of
    /// every width.
    @Test(arguments: [1, 9, 10, 99, 100, 999, 1000, 2025, 9999])
    func descriptionIsThePaddedNumbers(year: Int) throws {
        for month in 1...12 {
            for day in 1...CivilDate.daysIn(month: month, year: year) {
                let date = try #require(CivilDate(year: year, month: month, day: day))
                let padded = CivilDate.zeroPadded(year, 4) + "-" + CivilDate.zeroPadded(month, 2) + "-"
                    + CivilDate.zeroPadded(day, 2)
                #expect(date.description == padded)
                #expect(CivilDate(iso: date.description) == date)
            }
        }
    }

    @Test(arguments: [
        ("1970-01-01", 0, 4), ("1970-01-02", 1, 5), ("1969-12-31", -1, 3), ("2000-03-01", 11_017, 3),
        ("0001-01-01", -719_162, 1), ("9999-12-31", 2_932_896, 5), ("2025-01-26", 20_114, 7),
    ])
    func epochDaysAndWeekday(text: String, days: Int, weekday: Int) {
        let d = date(text)
        #expect(d.daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == d)
        #expect(d.weekday == weekday)
    }

    @Test func epochRoundTripEveryDay() {
        var expected = CivilDate(year: 1, month: 1, day: 1)!
        for days in CivilDate.minDays...CivilDate.maxDays {
            guard CivilDate(daysSinceEpoch: days) == expected, expected.daysSinceEpoch == days else {
                Issue.record("mismatch at \(days)")
                return
            }
            let next = CivilDate(year: expected.year, month: expected.month, day: expected.day + 1)
                ?? CivilDate(year: expected.year, month: expected.month + 1, day: 1)
                ?? CivilDate(year: expected.year + 1, month: 1, day: 1)
            guard let next else { break }
            expected = next
        }
        #expect(CivilDate(daysSinceEpoch: CivilDate.minDays - 1) == nil)
        #expect(CivilDate(daysSinceEpoch: CivilDate.maxDays + 1) == nil)
        #expect(CivilDate(daysSinceEpoch: .min) == nil)
    }

    @Test(arguments: [
        ("2024-01-31", 1, "2024-02-29"), ("2025-01-31", 1, "2025-02-28"), ("2025-03-31", 1, "2025-04-30"),
        ("2025-01-31", -2, "2024-11-30"), ("2024-02-29", 12, "2025-02-28"), ("2024-02-29", 48, "2028-02-29"),
        ("2025-12-15", 1, "2026-01-15"), ("2025-01-15", -1, "2024-12-15"), ("2025-05-10", 0, "2025-05-10"),
        ("0001-01-01", 119_987, "9999-12-01"),
    ])
    func addsMonths(start: String, months: Int, expected: String) {
        #expect(date(start).addingMonths(months)?.description == expected)
    }

    @Test(arguments: [Int.max, Int.min, Int.max / 12 + 1, 120_000, -1])
    func addingMonthsOutOfRangeIsNil(months: Int) {
        #expect(date("0001-01-01").addingMonths(months) == nil)
        #expect(date("0001-01-01").addingYears(months) == nil)
        let opposite = months == .min ? .max : -months
        #expect(date("9999-12-31").addingMonths(opposite) == nil)
        #expect(date("9999-12-31").addingYears(opposite) == nil)
        #expect(date("0001-01-01").addingDays(-abs(months % 1_000_000_000)) == nil)
    }

    @Test func addsYearsAndDays() {
        #expect(date("2024-02-29").addingYears(1)?.description == "2025-02-28")
        #expect(date("2024-02-29").addingYears(-4)?.description == "2020-02-29")
        #expect(date("9999-12-31").addingDays(1) == nil)
        #expect(date("2024-12-31").addingDays(60)?.description == "2025-03-01")
        #expect(date("2025-03-01").addingDays(-1)?.description == "2025-02-28")
    }

    @Test(arguments: [
        ("2025-01-31", "2025-02-28", 1), ("2025-01-31", "2025-02-27", 0), ("2024-02-29", "2025-02-28", 12),
        ("2025-02-28", "2025-01-31", -1), ("2025-01-10", "2025-01-10", 0), ("2025-01-10", "2025-01-09", 0),
        ("2022-01-10", "2025-01-09", 35), ("2022-01-10", "2025-01-10", 36), ("2025-03-31", "2025-04-30", 1),
        ("2025-03-30", "2025-04-29", 0), ("0001-01-01", "9999-12-31", 119_987), ("2025-05-01", "2025-03-31", -1),
    ])
    func monthsBetween(a: String, b: String, expected: Int) {
        #expect(CivilDate.monthsBetween(date(a), date(b)) == expected)
    }

    @Test(arguments: [
        // Age on the birthday and the day before it.
        ("1980-06-15", "2025-06-15", 45), ("1980-06-15", "2025-06-14", 44),
        ("2000-02-29", "2025-02-28", 25), ("2000-02-29", "2025-02-27", 24), ("2000-02-29", "2024-02-29", 24),
        ("2000-02-29", "2024-02-28", 23), ("2025-06-15", "1980-06-15", -45), ("2025-06-14", "1980-06-15", -44),
        ("2025-01-01", "2025-12-31", 0),
    ])
    func yearsBetween(a: String, b: String, expected: Int) {
        #expect(CivilDate.yearsBetween(date(a), date(b)) == expected)
    }

    @Test func betweenAgreesWithAddingOnARange() {
        let start = date("2023-12-28")
        for offsetA in 0..<70 {
            for offsetB in stride(from: 0, to: 800, by: 7) {
                guard let a = start.addingDays(offsetA), let b = start.addingDays(offsetB) else { continue }
                let months = CivilDate.monthsBetween(a, b)
                if a <= b {
                    #expect(a.addingMonths(months)! <= b && a.addingMonths(months + 1)! > b)
                } else {
                    #expect(months == -CivilDate.monthsBetween(b, a))
                }
            }
        }
    }

    @Test func daysBetween() {
        #expect(CivilDate.daysBetween(date("2024-01-01"), date("2025-01-01")) == 366)
        #expect(CivilDate.daysBetween(date("2025-01-01"), date("2024-01-01")) == -366)
    }
}
