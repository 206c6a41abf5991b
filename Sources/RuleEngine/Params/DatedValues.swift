import CEL
import Diagnostics
import YAML

/// Values that take effect on dates: a parameter's values, a rule's legal basis. Both are
/// chosen by the same lookup, so a report cites the text in force on `as_of` exactly as it
/// uses the threshold in force then (`docs/writing-rules.md`, "Dated values").
public struct DatedValues<Value: Sendable>: Sendable {
    /// One value and the day it takes effect.
    public struct Entry: Sendable {
        /// Nil for an undated value (a constant parameter, a basis written as one string).
        public let since: CivilDate?
        public let value: Value
        public let location: SourceLocation

        public init(since: CivilDate?, value: Value, location: SourceLocation) {
            self.since = since
            self.value = value
            self.location = location
        }
    }

    /// Oldest first; never empty.
    public let entries: [Entry]

    public init(entries: [Entry]) {
        precondition(!entries.isEmpty, "dated values need at least one entry")
        self.entries = entries
    }

    /// One value that does not change.
    public init(constant value: Value, location: SourceLocation) {
        self.entries = [Entry(since: nil, value: value, location: location)]
    }

    /// Whether any entry carries a date (a list, not one undated value).
    public var isDated: Bool { entries.contains { $0.since != nil } }

    /// The value in force on `date`: the last entry whose `since` is on or before it; before
    /// the first `since`, the first value.
    public func value(on date: CivilDate) -> Value {
        var chosen = entries[0].value
        for entry in entries.dropFirst() {
            guard let since = entry.since, since <= date else { break }
            chosen = entry.value
        }
        return chosen
    }

    /// The last day entry `index` is in force: the day before the next entry's `since`; nil for
    /// the last entry (still in force).
    public func until(_ index: Int) -> CivilDate? {
        guard index + 1 < entries.count, let next = entries[index + 1].since else { return nil }
        return next.addingDays(-1)
    }

    /// The newest entry's value (what `rules list` shows as the current one).
    public var latest: Value { entries[entries.count - 1].value }
}

/// Reads a dated list `[{since: YYYY-MM-DD, KEY: ...}, ...]` for parameters (`KEY` = `value`)
/// and rule bases (`KEY` = `text`), with one set of checks: a non-empty list, every `since`
/// an existing date, oldest first, no date twice. Codes are `PREFIX.kind`, `PREFIX.missing`,
/// `PREFIX.unknown-key`, `PREFIX.date`, `PREFIX.unsorted-since`, `PREFIX.duplicate-since`.
struct DatedListReader {
    /// `params` or `basis`.
    let codePrefix: String
    /// `value` or `text`.
    let valueKey: String

    /// The entries, or nil (with diagnostics) when any entry is wrong: a list is never loaded
    /// with an entry silently missing.
    func read<V: Sendable>(
        _ list: Node, path: String, diagnostics: inout [Diagnostic],
        value readValue: (Node, String, inout [Diagnostic]) -> V?
    ) -> [DatedValues<V>.Entry]? {
        func problem(_ code: String, _ message: String, _ node: Node, _ path: String) {
            diagnostics.append(Diagnostic(code: codePrefix + "." + code, message: message, location: node.start, path: path))
        }
        guard let items = list.sequence, !items.isEmpty else {
            problem("kind", "expected a non-empty list of {since, \(valueKey)} for \(path)", list, path)
            return nil
        }
        let keys = ["since", valueKey]
        var entries: [DatedValues<V>.Entry] = []
        var failed = false
        for (index, item) in items.enumerated() {
            let itemPath = path + "[\(index)]"
            guard let pairs = item.mapping, let sinceNode = item["since"], let valueNode = item[valueKey] else {
                problem("missing", "expected {since, \(valueKey)} for \(itemPath)", item, itemPath)
                failed = true
                continue
            }
            for pair in pairs {
                guard let key = pair.key.scalar?.text, !keys.contains(key) else { continue }
                problem("unknown-key", "unknown key '\(key)' in \(itemPath); expected since and \(valueKey)"
                        + Suggestion.hint(for: key, in: keys), pair.key, itemPath + "." + key)
                failed = true
            }
            guard let text = sinceNode.scalar?.text, let since = CivilDate(iso: text) else {
                problem("date", "invalid date for \(itemPath).since; expected an existing date as YYYY-MM-DD",
                        sinceNode, itemPath + ".since")
                failed = true
                continue
            }
            if let same = entries.first(where: { $0.since == since }) {
                problem("duplicate-since", "\(path) has two entries since \(since) (the other at \(same.location))",
                        sinceNode, itemPath + ".since")
                failed = true
                continue
            }
            if let previous = entries.last?.since, since < previous {
                problem("unsorted-since", "\(itemPath).since \(since) comes before the entry above it (\(previous)); "
                        + "list the entries oldest first", sinceNode, itemPath + ".since")
                failed = true
                continue
            }
            guard let value = readValue(valueNode, itemPath + "." + valueKey, &diagnostics) else {
                failed = true
                continue
            }
            entries.append(.init(since: since, value: value, location: valueNode.start))
        }
        return failed ? nil : entries
    }
}
