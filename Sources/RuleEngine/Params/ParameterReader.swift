import CEL
import Diagnostics
import YAML

/// Reads one parameter declaration: `{basis?, policy?, values: [{since, value}, ...]}` or
/// `{basis?, policy?, value: X}` for a value that does not change. `policy: true` (a YAML
/// boolean) needs a non-blank `basis` saying who set the value and why.
struct ParameterReader {
    var diagnostics: [Diagnostic] = []

    static let keys = ["basis", "policy", "values", "value"]

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
                "unknown key '\(text)' in \(path); expected basis, policy, values or value" + Suggestion.hint(for: text, in: Self.keys),
                pair.key, path + "." + text))
        }
        let entries: [Parameter.Entry]
        if let constant = node["value"], node["values"] == nil {
            guard let value = readValue(constant, path: path + ".value") else { return nil }
            entries = [Parameter.Entry(since: nil, value: value, location: constant.start)]
        } else if let list = node["values"] {
            let reader = DatedListReader(codePrefix: "params", valueKey: "value")
            guard let read = reader.read(list, path: path + ".values", diagnostics: &diagnostics, value: Self.value(_:path:diagnostics:)) else { return nil }
            entries = read
        } else {
            return fail("params.missing", "missing values for \(path)", node, path)
        }
        guard let type = commonType(entries, path: path) else { return nil }
        let basis = node["basis"]?.scalar?.text
        guard let policy = readPolicy(node, basis: basis, path: path) else { return nil }
        return Parameter(
            name: name, basis: basis, policy: policy, type: type, values: DatedValues(entries: entries),
            location: key.start)
    }

    /// `policy:` absent is false; present it must be a YAML boolean (`true`, not `yes` or
    /// `"true"`), and a policy parameter must say in its `basis` who set the value.
    private mutating func readPolicy(_ node: Node, basis: String?, path: String) -> Bool? {
        guard let policyNode = node["policy"] else { return false }
        guard let scalar = policyNode.scalar, case .bool(let policy) = scalar.resolved, scalar.style == .plain else {
            return fail(
                "params.policy", "\(path).policy must be true or false, found \(policyNode.scalar.map { "'\($0.text)'" } ?? policyNode.kindName)",
                policyNode, path + ".policy")
        }
        if policy, (basis ?? "").trimmingSpaces.isEmpty {
            return fail(
                "params.policy-basis",
                "\(path) is marked policy: its basis must say who set the value and why (no legal text sets it)",
                policyNode, path + ".basis")
        }
        return policy
    }

    private mutating func readValue(_ node: Node, path: String) -> Value? {
        Self.value(node, path: path, diagnostics: &diagnostics)
    }

    /// A parameter value as CEL sees it (`untypedValue`); a key that is not a scalar is a
    /// `params.type` error.
    private static func value(_ node: Node, path: String, diagnostics: inout [Diagnostic]) -> Value? {
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
