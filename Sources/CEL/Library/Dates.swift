/// The domain's calendar-date functions: `date`, `years_between`, `months_between`,
/// `days_between`, `add_years`, `add_months`, `add_days`, `year`, `month`, `day`,
/// `working_days_between` (which needs the rule set's holiday calendar) and `name_key`.
enum Dates {
    typealias T = CELType

    static var all: [NamedOverload] {
        var list: [NamedOverload] = []
        func add(_ name: String, _ overload: FunctionOverload) { list.append(NamedOverload(name, overload)) }
        add("date", .unary("date_string", .string, .date) { v in
            guard case .string(let s) = v else { return .fail(.evalType, "no such overload: date") }
            return CivilDate(iso: s).map(Value.date) ?? .fail(.evalConversion, "invalid date '\(s)': expected YYYY-MM-DD")
        })
        add("date", .unary("date_date", .date, .date) { $0 })
        let between: [(String, @Sendable (CivilDate, CivilDate) -> Int)] = [
            ("years_between", CivilDate.yearsBetween), ("months_between", CivilDate.monthsBetween),
            ("days_between", CivilDate.daysBetween),
        ]
        for (name, f) in between {
            add(name, .binary(name, .date, .date, .int) { a, b in
                guard case .date(let x) = a, case .date(let y) = b else { return .fail(.evalType, "no such overload: \(name)") }
                return .int(Int64(f(x, y)))
            })
        }
        let shifts: [(String, @Sendable (CivilDate, Int) -> CivilDate?)] = [
            ("add_years", { $0.addingYears($1) }), ("add_months", { $0.addingMonths($1) }),
            ("add_days", { $0.addingDays($1) }),
        ]
        for (name, f) in shifts {
            add(name, .binary(name, .date, .int, .date) { a, b in
                guard case .date(let d) = a, case .int(let n) = b else { return .fail(.evalType, "no such overload: \(name)") }
                guard let n = Int(exactly: n), let result = f(d, n) else { return .fail(.evalOverflow, "\(name): date out of range") }
                return .date(result)
            })
        }
        let parts: [(String, @Sendable (CivilDate) -> Int)] = [("year", { $0.year }), ("month", { $0.month }), ("day", { $0.day })]
        for (name, f) in parts {
            add(name, .unary(name, .date, .int) { v in
                guard case .date(let d) = v else { return .fail(.evalType, "no such overload: \(name)") }
                return .int(Int64(f(d)))
            })
        }
        add("name_key", .unary("name_key", .string, .string) { v in
            guard case .string(let s) = v else { return .fail(.evalType, "no such overload: name_key") }
            return .string(nameKey(s))
        })
        return list
    }

    /// `working_days_between` bound to a calendar; an error without one or outside its years.
    static func workingDaysBetween(_ calendar: HolidayCalendar?) -> FunctionOverload {
        .binary("working_days_between", .date, .date, .int) { a, b in
            guard case .date(let x) = a, case .date(let y) = b else { return .fail(.evalType, "no such overload: working_days_between") }
            guard let calendar else { return .fail(.evalCalendar, "working_days_between: no holiday calendar is loaded") }
            guard let n = calendar.workingDaysBetween(x, y) else {
                return .fail(.evalCalendar, "working_days_between: the holiday calendar covers only \(calendar.years.lowerBound)–\(calendar.years.upperBound)")
            }
            return .int(Int64(n))
        }
    }
}
