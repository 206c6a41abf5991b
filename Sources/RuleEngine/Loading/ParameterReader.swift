import CEL
import Diagnostics
import YAML

/// Reads one parameter declaration: `{basis?, values: [{since, value}, ...]}` or
/// `{basis?, value: X}` for a value that does not change.
struct ParameterReader {
    var diagnostics: [Diagnostic] = []

    static let keys = ["basis", "values", "value"]

    static func problem(_ code: String, _ message: String, _ node: Node, _ path: String) -> Diagnostic {
        Diagnostic(code: code, message: message, location: node.start, path: path)
    }

    private mutating func fail<T>(_ code: String, _ message: String, _ node: Node, _ path: String) -> T? {
        diagnostics.append(Self.problem(code, message, node, path))
        return nil
    }

    mutating func read(name: String, key: Node, node: Node) -> Parameter? {
        let path = "params." + name
        guard let pairs = node.mapping else {
            return fail("params.kind", "expected a mapping with values for \(path), found \(node.kindName)", node, path)
        }
        for pair in pairs {
            guard let text = pair.key.scalar?.text, !Self.keys.contains(text) else { continue }
            diagnostics.append(Self.problem(
                "params.unknown-key",
                "unknown key '\(text)' in \(path); expected basis, values or value" + Suggestion.hint(for: text, in: Self.keys),
                pair.key, path + "." + text))
        }
        let entries: [Parameter.Entry]
        if let constant = node["value"], node["values"] == nil {
            guard let value = readValue(constant, path: path + ".value") else { return nil }
            entries = [Parameter.Entry(since: nil, value: value, location: constant.start)]
        } else if let list = node["values"] {
            guard let read = readEntries(list, path: path + ".values") else { return nil }
            entries = read
        } else {
            return fail("params.missing", "missing values for \(path)", node, path)
        }
        guard let type = commonType(entries, path: path) else { return nil }
        let basis = node["basis"]?.scalar?.text
        return Parameter(name: name, basis: basis, type: type, entries: entries, location: key.start)
    }

    private mutating func readValue(_ node: Node, path: String) -> Value? {
        // A number YAML cannot hold as CEL does would otherwise turn into a string (an int
        // over 64 bits) or an infinity: a rule comparing with it would silently never fire.
        var extreme: Diagnostic?
        node.walk { _, child in
            guard extreme == nil, let scalar = child.scalar, scalar.style == .plain, scalar.tag == nil else { return }
            switch scalar.resolved {
            case .string(let text) where Self.isDecimalInteger(text):
                extreme = Self.problem("params.number", "\(text) is outside the 64-bit integer range", child, path)
            case .double(let value) where !value.isFinite:
                extreme = Self.problem("params.number", "a parameter must be a finite number, not \(scalar.text)", child, path)
            default: break
            }
        }
        if let extreme {
            diagnostics.append(extreme)
            return nil
        }
        switch untypedValue(node) {
        case .success(let value): return value
        case .failure(let error):
            diagnostics.append(Diagnostic(code: "params.type", message: error.message, location: error.location, path: path))
            return nil
        }
    }

    /// `[-+]?[0-9]+`: what YAML reads as an int unless it overflows.
    static func isDecimalInteger(_ text: String) -> Bool {
        let digits = text.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        return digits.count >= text.utf8.count - 1 && !digits.isEmpty && digits.allSatisfy { (0x30...0x39).contains($0) }
    }

    private mutating func readEntries(_ list: Node, path: String) -> [Parameter.Entry]? {
        guard let items = list.sequence, !items.isEmpty else {
            return fail("params.kind", "expected a non-empty list of {since, value} for \(path)", list, path)
        }
        var entries: [Parameter.Entry] = []
        for (index, item) in items.enumerated() {
            let itemPath = path + "[\(index)]"
            guard item.mapping != nil, let sinceNode = item["since"], let valueNode = item["value"] else {
                diagnostics.append(Self.problem("params.missing", "expected {since, value} for \(itemPath)", item, itemPath))
                continue
            }
            guard let text = sinceNode.scalar?.text, let since = CivilDate(iso: text) else {
                diagnostics.append(Self.problem(
                    "params.date", "invalid date for \(itemPath).since; expected an existing date as YYYY-MM-DD",
                    sinceNode, itemPath + ".since"))
                continue
            }
            if let same = entries.first(where: { $0.since == since }) {
                diagnostics.append(Self.problem(
                    "params.duplicate-since", "\(path) has two values since \(since) (the other at \(same.location))",
                    sinceNode, itemPath + ".since"))
                continue
            }
            guard let value = readValue(valueNode, path: itemPath + ".value") else { continue }
            entries.append(Parameter.Entry(since: since, value: value, location: valueNode.start))
        }
        guard entries.count == items.count else { return nil }
        return entries.sorted { ($0.since ?? $1.since ?? CivilDate.distantPast) < ($1.since ?? CivilDate.distantPast) }
    }

    /// The one type of all values; values of different kinds are an error.
    private mutating func commonType(_ entries: [Parameter.Entry], path: String) -> CELType? {
        let type = untypedType(of: entries[0].value)
        for entry in entries.dropFirst() where untypedType(of: entry.value) != type {
            diagnostics.append(Diagnostic(
                code: "params.type",
                message: "the values of \(path) differ in type: \(type) and \(untypedType(of: entry.value))",
                location: entry.location, path: path))
            return nil
        }
        if type == .null {
            diagnostics.append(Diagnostic(
                code: "params.type", message: "\(path) has a null value", location: entries[0].location, path: path))
            return nil
        }
        return type
    }
}

extension CivilDate {
    /// 0001-01-01, below every real date.
    static let distantPast = CivilDate(year: 1, month: 1, day: 1)!
}
