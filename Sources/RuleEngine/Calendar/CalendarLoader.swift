import CEL
import Diagnostics
import YAML

/// Reads `rules/calendar.yaml` (format `calendar/1`): the years the calendar covers and the
/// official days off, single days (`date:`) or inclusive spans (`from:`/`to:`).
public enum CalendarLoader {
    /// The calendar, or nil with every problem located (`calendar.*` codes).
    public static func load(_ root: Node?, file: String) -> (HolidayCalendar?, [Diagnostic]) {
        var reader = CalendarReader()
        guard let root else {
            return (nil, [Diagnostic(
                code: "calendar.kind", message: "the file holds no document; expected a calendar/1 document",
                location: SourceLocation(file: file, line: 1, column: 1))])
        }
        let calendar = reader.read(root)
        return (reader.diagnostics.isEmpty ? calendar : nil, reader.diagnostics)
    }
}

private struct CalendarReader {
    var diagnostics: [Diagnostic] = []

    mutating func read(_ root: Node) -> HolidayCalendar? {
        guard root.mapping != nil else { return fail("calendar.kind", "expected a mapping, found \(root.kindName)", root, "") }
        guard root["format"]?.scalar?.text == "calendar/1" else {
            let found = root["format"]?.scalar.map { ", found '\($0.text)'" } ?? "; it is missing"
            return fail("calendar.format", "format must be calendar/1" + found, root["format"] ?? root, "format")
        }
        let years = readYears(root)
        var holidays = Set<CivilDate>()
        if let list = root["holidays"] {
            if let items = list.sequence {
                for (index, item) in items.enumerated() { readHoliday(item, path: "holidays[\(index)]", into: &holidays) }
            } else {
                report("calendar.kind", "expected a list for holidays, found \(list.kindName)", list, "holidays")
            }
        }
        guard let years, diagnostics.isEmpty else { return nil }
        return HolidayCalendar(holidays: holidays, years: years)
    }

    private mutating func readYears(_ root: Node) -> ClosedRange<Int>? {
        guard let node = root["years"] else { return fail("calendar.missing", "missing years: {from, to}", root, "years") }
        guard let from = year(node["from"], parent: node, path: "years.from"),
            let to = year(node["to"], parent: node, path: "years.to")
        else { return nil }
        guard from <= to else { return fail("calendar.range", "years.from \(from) is after years.to \(to)", node, "years") }
        return from...to
    }

    private mutating func year(_ node: Node?, parent: Node, path: String) -> Int? {
        guard let node else { return fail("calendar.missing", "missing \(path)", parent, path) }
        guard let text = node.scalar?.text, let value = ScalarTyping.integer(text, underscores: false),
            (1...9999).contains(value)
        else { return fail("calendar.type", "expected a year for \(path)", node, path) }
        return Int(value)
    }

    private mutating func readHoliday(_ item: Node, path: String, into holidays: inout Set<CivilDate>) {
        guard item.mapping != nil else {
            report("calendar.kind", "expected a mapping for \(path), found \(item.kindName)", item, path)
            return
        }
        if let single = item["date"] {
            if let day = date(single, path: path + ".date") { holidays.insert(day) }
            return
        }
        guard let first = date(item["from"], parent: item, path: path + ".from"),
            let last = date(item["to"], parent: item, path: path + ".to")
        else { return }
        guard first <= last, first.daysBetween(last) <= 366 else {
            report("calendar.range", "\(path) must run forward, from \(first) to \(last), within a year", item, path)
            return
        }
        var day = first
        while day <= last, let next = day.addingDays(1) {
            holidays.insert(day)
            day = next
        }
    }

    private mutating func date(_ node: Node?, parent: Node, path: String) -> CivilDate? {
        guard let node else { return fail("calendar.missing", "missing \(path) (or date)", parent, path) }
        return date(node, path: path)
    }

    private mutating func date(_ node: Node, path: String) -> CivilDate? {
        guard let text = node.scalar?.text, let day = CivilDate(iso: text) else {
            return fail("calendar.date", "invalid date for \(path); expected an existing date as YYYY-MM-DD", node, path)
        }
        return day
    }

    private mutating func report(_ code: String, _ message: String, _ node: Node, _ path: String) {
        diagnostics.append(Diagnostic(code: code, message: message, location: node.start, path: path))
    }

    private mutating func fail<T>(_ code: String, _ message: String, _ node: Node, _ path: String) -> T? {
        diagnostics.append(Diagnostic(code: code, message: message, location: node.start, path: path))
        return nil
    }
}

extension CivilDate {
    /// Days from `self` to `other` (negative when `other` is earlier).
    func daysBetween(_ other: CivilDate) -> Int { CivilDate.daysBetween(self, other) }
}
