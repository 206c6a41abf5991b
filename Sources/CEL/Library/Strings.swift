/// `size`, `contains`, `startsWith`, `endsWith`, `matches`, and cel-go's string extensions
/// (`lowerAscii`, `upperAscii`, `trim`, `split`, `join`, `replace`, `indexOf`, `lastIndexOf`,
/// `substring`). Strings compare and index by Unicode code point, never by Character, so
/// `'Am\u00E9lie'` and `'Ame\u0301lie'` stay different, as in CEL.
enum Strings {
    typealias T = CELType
    static let A = StandardLibrary.A

    static var all: [NamedOverload] {
        var list: [NamedOverload] = []
        func method(_ name: String, _ args: [T], _ result: T, _ f: @escaping @Sendable ([Value]) -> Value) {
            list.append(NamedOverload(name, .nary("string_\(name)_\(args.count)", receiver: .string, args, result, f)))
        }
        func binary(_ name: String, _ f: @escaping @Sendable (String, String) -> Value) {
            let body: @Sendable (Value, Value) -> Value = { a, b in
                guard case .string(let x) = a, case .string(let y) = b else { return .fail(.evalType, "no such overload: \(name)") }
                return f(x, y)
            }
            list.append(NamedOverload(name, .binary("string_\(name)", .string, .string, .bool, receiver: true, body)))
        }
        for t in [T.string, .list(A), .map(key: A, value: StandardLibrary.B)] {
            list.append(NamedOverload("size", .unary("size_\(t.celName)", t, .int, size)))
            list.append(NamedOverload("size", .unary("\(t.celName)_size", t, .int, receiver: true, size)))
        }
        binary("contains") { .bool(index(of: Array($1.unicodeScalars), in: Array($0.unicodeScalars), from: 0) != nil) }
        binary("startsWith") { .bool($0.unicodeScalars.starts(with: $1.unicodeScalars)) }
        binary("endsWith") { .bool($0.unicodeScalars.reversed().starts(with: $1.unicodeScalars.reversed())) }
        binary("matches", matches)
        list.append(NamedOverload("matches", .binary("matches", .string, .string, .bool) { a, b in
            guard case .string(let x) = a, case .string(let y) = b else { return .fail(.evalType, "no such overload: matches") }
            return matches(x, y)
        }))
        method("lowerAscii", [], .string) { v in mapASCII(v[0]) { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }
        method("upperAscii", [], .string) { v in mapASCII(v[0]) { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 } }
        method("trim", [], .string) { v in
            guard case .string(let s) = v[0] else { return .fail(.evalType, "no such overload: trim") }
            let scalars = Array(s.unicodeScalars)
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
            else { return .string("") }
            return .string(makeString(scalars[first...last]))
        }
        method("split", [.string], .list(.string)) { split($0, limit: -1) }
        method("split", [.string, .int], .list(.string)) { v in
            guard case .int(let n) = v[2] else { return .fail(.evalType, "no such overload: split") }
            return split(v, limit: n)
        }
        list.append(NamedOverload("join", .nary("list_join_0", receiver: .list(.string), [], .string) { join($0[0], "") }))
        list.append(NamedOverload("join", .nary("list_join_1", receiver: .list(.string), [.string], .string) { v in
            guard case .string(let sep) = v[1] else { return .fail(.evalType, "no such overload: join") }
            return join(v[0], sep)
        }))
        method("replace", [.string, .string], .string) { replace($0, limit: -1) }
        method("replace", [.string, .string, .int], .string) { v in
            guard case .int(let n) = v[3] else { return .fail(.evalType, "no such overload: replace") }
            return replace(v, limit: n)
        }
        method("indexOf", [.string], .int) { indexOf($0, last: false) }
        method("indexOf", [.string, .int], .int) { indexOf($0, last: false) }
        method("lastIndexOf", [.string], .int) { indexOf($0, last: true) }
        method("lastIndexOf", [.string, .int], .int) { indexOf($0, last: true) }
        method("substring", [.int], .string, substring)
        method("substring", [.int, .int], .string, substring)
        return list
    }

    @Sendable static func size(_ v: Value) -> Value {
        switch v {
        case .string(let s): .int(Int64(s.unicodeScalars.count))
        case .list(let l): .int(Int64(l.count))
        case .map(let m): .int(Int64(m.keys.count))
        default: .fail(.evalType, "no such overload: size(\(v.runtimeType.celName))")
        }
    }

    static func makeString<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The first code-point index ≥ `start` where `needle` occurs in `haystack`.
    static func index(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static func matches(_ s: String, _ pattern: String) -> Value {
        do {
            return .bool(try LinearRegex(pattern: pattern).matches(s))
        } catch {
            return .fail(.evalBadRegex, "invalid regular expression '\(pattern)': \(error.message)")
        }
    }

    /// The `matches` overloads with `pattern` compiled once, for a call whose pattern is a
    /// constant: rules match the same literal pattern against every dossier, and compiling it
    /// per call would dominate the cost. Nil when the pattern is not a string or does not
    /// compile (the call then reports the error at run time, as before).
    static func precompiledMatches(_ overloads: [FunctionOverload], pattern: Value) -> [FunctionOverload]? {
        guard case .string(let text) = pattern, let regex = try? LinearRegex(pattern: text),
            !overloads.isEmpty, overloads.allSatisfy({ $0.id == "string_matches" || $0.id == "matches" })
        else { return nil }
        let body: @Sendable (Value, Value) -> Value = { subject, _ in
            guard case .string(let s) = subject else { return .fail(.evalType, "no such overload: matches") }
            return .bool(regex.matches(s))
        }
        // Receiver and global forms take the same (subject, pattern) pair, so one overload serves.
        return [.binary(overloads[0].id, .string, .string, .bool, receiver: overloads[0].receiver != nil, body)]
    }

    static func mapASCII(_ v: Value, _ f: (UInt8) -> UInt8) -> Value {
        guard case .string(let s) = v else { return .fail(.evalType, "no such overload") }
        return .string(String(decoding: s.utf8.map(f), as: UTF8.self))
    }

    static func split(_ v: [Value], limit: Int64) -> Value {
        guard case .string(let s) = v[0], case .string(let sep) = v[1] else { return .fail(.evalType, "no such overload: split") }
        if limit == 0 { return .list(ListValue([])) }
        let scalars = Array(s.unicodeScalars)
        let separator = Array(sep.unicodeScalars)
        var parts: [Value] = []
        var start = 0
        if separator.isEmpty {
            for (i, scalar) in scalars.enumerated() {
                if limit > 0 && parts.count == limit - 1 {
                    parts.append(.string(makeString(scalars[i...])))
                    return .list(ListValue(parts))
                }
                parts.append(.string(String(scalar)))
            }
            return .list(ListValue(parts))
        }
        while limit < 0 || parts.count < limit - 1, let found = index(of: separator, in: scalars, from: start) {
            parts.append(.string(makeString(scalars[start..<found])))
            start = found + separator.count
        }
        parts.append(.string(makeString(scalars[start...])))
        return .list(ListValue(parts))
    }

    static func join(_ v: Value, _ separator: String) -> Value {
        guard case .list(let list) = v else { return .fail(.evalType, "no such overload: join") }
        var parts: [String] = []
        for element in list {
            guard case .string(let s) = element else { return .fail(.evalType, "join() needs a list of strings") }
            parts.append(s)
        }
        return .string(parts.joined(separator: separator))
    }

    static func replace(_ v: [Value], limit: Int64) -> Value {
        guard case .string(let s) = v[0], case .string(let old) = v[1], case .string(let new) = v[2] else {
            return .fail(.evalType, "no such overload: replace")
        }
        let scalars = Array(s.unicodeScalars)
        let needle = Array(old.unicodeScalars)
        let replacement = Array(new.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var i = 0
        var count: Int64 = 0
        while i <= scalars.count {
            if limit >= 0 && count >= limit { break }
            guard let found = index(of: needle, in: scalars, from: i) else { break }
            out.append(contentsOf: scalars[i..<found])
            out.append(contentsOf: replacement)
            count += 1
            if needle.isEmpty {
                if found < scalars.count { out.append(scalars[found]) }
                i = found + 1
            } else {
                i = found + needle.count
            }
        }
        if i < scalars.count { out.append(contentsOf: scalars[i...]) }
        return .string(makeString(out))
    }
}
