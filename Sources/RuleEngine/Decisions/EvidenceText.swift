/// One evidence value as text, keyed by its path: what decisions record and diffs compare,
/// so that "what changed" can be said from a decision or an old JSON report alike.
public struct EvidenceText: Hashable, Sendable {
    public var path: String
    public var value: String

    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }
}

/// One evidence path whose values differ between two versions of a finding.
public struct EvidenceChange: Hashable, Sendable {
    public var path: String
    /// The values before and after, joined with ", " when a path holds several; nil when the
    /// path was not in that version.
    public var old: String?
    public var new: String?

    public init(path: String, old: String?, new: String?) {
        self.path = path
        self.old = old
        self.new = new
    }

    /// The paths whose values differ, sorted by path.
    public static func between(_ old: [EvidenceText], _ new: [EvidenceText]) -> [EvidenceChange] {
        let before = Dictionary(grouping: old, by: \.path).mapValues { $0.map(\.value).sorted() }
        let after = Dictionary(grouping: new, by: \.path).mapValues { $0.map(\.value).sorted() }
        let paths = Set(before.keys).union(after.keys).sorted {
            Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
        }
        return paths.compactMap { path in
            let was = before[path], now = after[path]
            guard was != now else { return nil }
            return EvidenceChange(
                path: path, old: was.map { $0.joined(separator: ", ") }, new: now.map { $0.joined(separator: ", ") })
        }
    }

    /// `path: old → new`.
    public var description: String {
        "\(path): \(old ?? "(none)") → \(new ?? "(none)")"
    }
}

extension EvidenceValue {
    /// The value as reports and decisions write it: strings and dates as they are, numbers
    /// in decimal, lists bracketed.
    public var text: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): text
        case .list(let items): "[" + items.map(\.text).joined(separator: ", ") + "]"
        }
    }
}

extension Finding {
    /// The evidence as (path, text), for decisions and diffs.
    public var evidenceTexts: [EvidenceText] {
        evidence.map { EvidenceText(path: $0.location.path, value: $0.value.text) }
    }
}
