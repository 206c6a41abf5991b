/// `indexOf`, `lastIndexOf` and `substring`, by code point, with cel-go's range errors.
extension Strings {
    static func indexOf(_ v: [Value], last: Bool) -> Value {
        guard case .string(let s) = v[0], case .string(let sub) = v[1] else { return .fail(.evalType, "no such overload: indexOf") }
        let scalars = Array(s.unicodeScalars)
        let needle = Array(sub.unicodeScalars)
        var offset = last ? scalars.count : 0
        if v.count > 2 {
            guard case .int(let o) = v[2] else { return .fail(.evalType, "no such overload: indexOf") }
            guard o >= 0, o <= scalars.count else { return .fail(.evalOutOfRange, "index out of range: \(o)") }
            offset = Int(o)
        }
        if !last {
            return .int(Int64(index(of: needle, in: scalars, from: offset) ?? -1))
        }
        var i = min(offset, scalars.count - needle.count)
        while i >= 0 {
            if scalars[i..<i + needle.count].elementsEqual(needle) { return .int(Int64(i)) }
            i -= 1
        }
        return .int(-1)
    }

    @Sendable static func substring(_ v: [Value]) -> Value {
        guard case .string(let s) = v[0], case .int(let start) = v[1] else { return .fail(.evalType, "no such overload: substring") }
        let scalars = Array(s.unicodeScalars)
        var end = Int64(scalars.count)
        if v.count > 2 {
            guard case .int(let e) = v[2] else { return .fail(.evalType, "no such overload: substring") }
            end = e
        }
        guard start >= 0, start <= scalars.count else { return .fail(.evalOutOfRange, "index out of range: \(start)") }
        guard end >= 0, end <= scalars.count else { return .fail(.evalOutOfRange, "index out of range: \(end)") }
        guard start <= end else { return .fail(.evalOutOfRange, "invalid substring range. start: \(start), end: \(end)") }
        return .string(makeString(scalars[Int(start)..<Int(end)]))
    }
}
