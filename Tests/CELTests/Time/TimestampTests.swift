import Testing

#if canImport(CELDomain)
@testable import CELDomain
#else
@testable import CEL
#endif

@Suite struct TimestampTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z", 0, 0),
        ("2025-01-10T12:30:45.5Z", "2025-01-10T12:30:45.500Z", 1_736_512_245, 500_000_000),
        ("2025-01-10T12:30:45.123456Z", "2025-01-10T12:30:45.123456Z", 1_736_512_245, 123_456_000),
        ("2025-01-10T12:30:45.000000001Z", "2025-01-10T12:30:45.000000001Z", 1_736_512_245, 1),
        ("2025-01-10T19:30:45+07:00", "2025-01-10T12:30:45Z", 1_736_512_245, 0),
        ("2025-01-10T04:00:45-08:30", "2025-01-10T12:30:45Z", 1_736_512_245, 0),
        ("1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z", -1, 999_000_000),
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z", -62_135_596_800, 0),
        ("9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z", 253_402_300_799, 999_999_999),
        ("0001-01-01T06:00:00+05:00", "0001-01-01T01:00:00Z", -62_135_593_200, 0),
    ] as [(String, String, Int64, Int32)])
    func parsesAndPrints(text: String, printed: String, seconds: Int64, nanos: Int32) throws {
        let t = try #require(Timestamp(rfc3339: text))
        #expect(t == Timestamp(seconds: seconds, nanos: nanos))
        #expect(t.rfc3339 == printed)
        #expect(Timestamp(rfc3339: printed) == t)
    }

    @Test(arguments: [
        "0001-01-01T00:00:00+00:01", "9999-12-31T23:59:59-00:01", "0000-12-31T23:59:59Z", "2025-02-30T00:00:00Z",
        "2025-01-10T24:00:00Z", "2025-01-10T12:60:00Z", "2025-01-10T12:00:60Z", "2025-01-10 12:00:00Z",
        "2025-01-10T12:00:00", "2025-01-10T12:00:00.Z", "2025-01-10T12:00:00.1234567890Z", "2025-01-10T12:00Z",
        "2025-01-10T12:00:00+0700", "2025-01-10T12:00:00+24:00", "2025-01-10", "", "2025-01-10T12:00:00Zjunk",
    ])
    func rejects(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func fromSecondsIsRangeChecked() {
        #expect(Timestamp.from(seconds: 253_402_300_799) != nil)
        #expect(Timestamp.from(seconds: 253_402_300_800) == nil)
        #expect(Timestamp.from(seconds: -62_135_596_801) == nil)
        #expect(Timestamp.from(seconds: .min) == nil)
    }

    @Test(arguments: [
        // zone, year, month, day, hour, minute, dayOfWeek, dayOfYear
        (nil, 2025, 3, 1, 7, 30, 6, 60),
        ("UTC", 2025, 3, 1, 7, 30, 6, 60),
        ("+05:30", 2025, 3, 1, 13, 0, 6, 60),
        ("-08:00", 2025, 2, 28, 23, 30, 5, 59),
        ("Asia/Ho_Chi_Minh", 2025, 3, 1, 14, 30, 6, 60),
        ("America/Los_Angeles", 2025, 2, 28, 23, 30, 5, 59),
    ] as [(String?, Int, Int, Int, Int, Int, Int, Int)])
    func components(zone: String?, year: Int, month: Int, day: Int, hour: Int, minute: Int,
                    dayOfWeek: Int, dayOfYear: Int) throws {
        let t = try #require(Timestamp(rfc3339: "2025-03-01T07:30:15.250Z"))
        let c = try #require(t.components(inZone: zone))
        #expect(c == TimestampComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: 15, millisecond: 250,
            dayOfWeek: dayOfWeek, dayOfYear: dayOfYear))
    }

    @Test func daylightSavingAndUnknownZones() throws {
        let summer = try #require(Timestamp(rfc3339: "2025-07-01T12:00:00Z"))
        #expect(summer.components(inZone: "America/Los_Angeles")?.hour == 5)
        #expect(summer.components(inZone: "Mars/Olympus_Mons") == nil)
        #expect(summer.components(inZone: "+25:00") == nil)
        #expect(summer.components(inZone: "") == nil)
        let leap = try #require(Timestamp(rfc3339: "2024-12-31T00:00:00Z"))
        #expect(leap.components(inZone: nil)?.dayOfYear == 366)
    }

    @Test func arithmetic() throws {
        let t = try #require(Timestamp(rfc3339: "2025-01-10T12:00:00.750Z"))
        let d = try #require(CELDuration(celText: "1h0.5s"))
        #expect(t.adding(d)?.rfc3339 == "2025-01-10T13:00:01.250Z")
        #expect(t.subtracting(d)?.rfc3339 == "2025-01-10T11:00:00.250Z")
        let later = try #require(t.adding(d))
        #expect(later.difference(t) == d)
        #expect(t.difference(later)?.celText == "-3600.5s")
        let max = try #require(Timestamp(rfc3339: "9999-12-31T23:59:59.999999999Z"))
        #expect(max.adding(CELDuration(seconds: 0, nanos: 1)) == nil)
        let min = try #require(Timestamp(rfc3339: "0001-01-01T00:00:00Z"))
        #expect(min.subtracting(CELDuration(seconds: 0, nanos: 1)) == nil)
        // 9999 years do not fit a duration (one int64 of nanoseconds, about ±292 years).
        #expect(max.difference(min) == nil)
        #expect(max.difference(try #require(Timestamp(rfc3339: "9800-01-01T00:00:00Z")))?.seconds == 6_311_347_199)
    }
}

@Suite struct DurationTests {
    @Test(arguments: [
        ("100s", "100s", 100, 0), ("1.5s", "1.5s", 1, 500_000_000), ("-1h30m", "-5400s", -5400, 0),
        ("2h", "7200s", 7200, 0), ("1m", "60s", 60, 0), ("1ms", "0.001s", 0, 1_000_000),
        ("1us", "0.000001s", 0, 1000), ("1\u{B5}s", "0.000001s", 0, 1000), ("1ns", "0.000000001s", 0, 1),
        ("-1ns", "-0.000000001s", 0, -1), ("0", "0s", 0, 0), ("-0", "0s", 0, 0), ("+5s", "5s", 5, 0),
        ("1h1m1s1ms1us1ns", "3661.001001001s", 3661, 1_001_001), ("0.5h", "1800s", 1800, 0),
        (".5s", "0.5s", 0, 500_000_000), ("1.s", "1s", 1, 0), ("1.0000000019s", "1.000000001s", 1, 1),
        ("9223372036.854775807s", "9223372036.854775807s", 9_223_372_036, 854_775_807),
        ("-9223372036.854775807s", "-9223372036.854775807s", -9_223_372_036, -854_775_807),
        ("2562047h", "9223369200s", 9_223_369_200, 0),
        ("1500ms", "1.5s", 1, 500_000_000), ("-2.25h", "-8100s", -8100, 0),
    ] as [(String, String, Int64, Int32)])
    func parsesAndPrints(text: String, printed: String, seconds: Int64, nanos: Int32) throws {
        let d = try #require(CELDuration(celText: text))
        #expect(d == CELDuration(seconds: seconds, nanos: nanos))
        #expect(d.celText == printed)
        #expect(CELDuration(celText: printed) == d)
    }

    @Test(arguments: [
        "", "-", "s", "1", "10", "1x", "1.5", "1h 30m", "1H", "9223372036.854775808s", "9223372037s", "2562048h", "315576000000s",
        "99999999999999999999s", "1..5s", "--1s", ".s", "1sm",
    ])
    func rejects(text: String) {
        #expect(CELDuration(celText: text) == nil)
    }

    @Test func accessorsAreTotalsTruncated() throws {
        let d = try #require(CELDuration(celText: "-2h59m59.9999s"))
        #expect(d.hours == -2)
        #expect(d.minutes == -179)
        #expect(d.seconds == -10_799)
        #expect(d.milliseconds == -10_799_999)
    }

    @Test func arithmeticIsRangeChecked() throws {
        let max = CELDuration(seconds: 9_223_372_036, nanos: 854_775_807)
        #expect(CELDuration(totalNanos: .max) == max)
        #expect(max.adding(CELDuration(totalNanos: 1)!) == nil)
        #expect(max.negated()?.subtracting(CELDuration(totalNanos: 1)!) == CELDuration(totalNanos: .min))
        #expect(CELDuration(totalNanos: .min)?.subtracting(CELDuration(totalNanos: 1)!) == nil)
        #expect(CELDuration(totalNanos: .min)?.negated() == nil)
        #expect(CELDuration(seconds: 1, nanos: 500_000_000).subtracting(CELDuration(seconds: 2))
            == CELDuration(seconds: 0, nanos: -500_000_000))
        #expect(CELDuration(totalNanos: -1_500_000_000) == CELDuration(seconds: -1, nanos: -500_000_000))
        #expect(CELDuration(seconds: .min).negated() == nil)
        #expect(CELDuration(seconds: 2, nanos: 500_000_000).totalSecondsDouble == 2.5)
    }
}
