import Foundation

/// CEL's heterogeneous equality and ordering: numbers compare across int and double by
/// value (`1 == 1.0`), values of unrelated types are unequal (not an error), lists and maps
/// compare element-wise, and NaN equals nothing.
extension Value {
    /// The order of two comparable values; `.unordered` when a NaN is involved.
    enum Order { case less, equal, greater, unordered }

    /// CEL equality; both operands must be non-error.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double):
            return numericOrder(a, b) == .equal
        case (.string(let x), .string(let y)): return sameUTF8(x, y)
        case (.timestamp(let x), .timestamp(let y)): return x == y
        case (.duration(let x), .duration(let y)): return x == y
        case (.date(let x), .date(let y)): return x == y
        case (.type(let x), .type(let y)): return x.celName == y.celName
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            return zip(x, y).allSatisfy { equal($0, $1) }
        case (.map(let x), .map(let y)):
            guard x.keys.count == y.keys.count else { return false }
            for (key, value) in zip(x.keys, x.values) {
                guard let other = y.lookup(key), equal(value, other) else { return false }
            }
            return true
        case (.object(let x), .object(let y)):
            if x.identity == y.identity { return true }
            guard x.type == y.type else { return false }
            return zip(x.fields, y.fields).allSatisfy { equal($0, $1) }
        default: return false
        }
    }

    /// The order of two values for `<`, `<=`, `>`, `>=`; nil when CEL defines no ordering.
    static func order(_ a: Value, _ b: Value) -> Order? {
        switch (a, b) {
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double): return numericOrder(a, b)
        case (.string(let x), .string(let y)): return orderOf(
                x.utf8.lexicographicallyPrecedes(y.utf8), x.utf8.elementsEqual(y.utf8))
        case (.bool(let x), .bool(let y)): return orderOf(!x && y, x == y)
        case (.timestamp(let x), .timestamp(let y)): return orderOf(x < y, x == y)
        case (.duration(let x), .duration(let y)): return orderOf(x < y, x == y)
        case (.date(let x), .date(let y)): return orderOf(x < y, x == y)
        default: return nil
        }
    }

    /// Whether two strings have the same UTF-8 (CEL compares code points, not canonical
    /// equivalence as `==` does): the lengths first, then the bytes in place with `memcmp`
    /// (the generic `elementsEqual` steps two iterators a byte at a time).
    static func sameUTF8(_ x: String, _ y: String) -> Bool {
        // The same representation is the same text: one small string's bytes, or one storage
        // (a field name against the one a `SlotCache` remembers, a constant against itself).
        if MemoryLayout<String>.size == 16,
            unsafeBitCast(x, to: (UInt64, UInt64).self) == unsafeBitCast(y, to: (UInt64, UInt64).self)
        {
            return true
        }
        let a = x.utf8, b = y.utf8
        guard a.count == b.count else { return false }
        let same = a.withContiguousStorageIfAvailable { left in
            b.withContiguousStorageIfAvailable { right in
                left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }
        return (same ?? nil) ?? a.elementsEqual(b)
    }

    static func orderOf(_ less: Bool, _ equal: Bool) -> Order { less ? .less : equal ? .equal : .greater }

    /// Exact numeric order across int and double (no rounding of large ints).
    static func numericOrder(_ a: Value, _ b: Value) -> Order? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return orderOf(x < y, x == y)
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return .unordered }
            return orderOf(x < y, x == y)
        case (.int(let x), .double(let y)): return compare(x, y)
        case (.double(let x), .int(let y)):
            switch compare(y, x) {
            case .less: return .greater
            case .greater: return .less
            case let other: return other
            }
        default: return nil
        }
    }

    /// Compares an Int64 with a Double as CEL does: the int converted to double.
    static func compare(_ i: Int64, _ d: Double) -> Order {
        if d.isNaN { return .unordered }
        let x = Double(i)
        return orderOf(x < d, x == d)
    }
}

extension MapValue {
    /// The value for a key under CEL equality (`1` finds the key `1.0`), or nil.
    public func lookup(_ key: Value) -> Value? {
        for (index, candidate) in keys.enumerated() where Value.equal(candidate, key) {
            return values[index]
        }
        return nil
    }

    /// The value for a string key, the common case of `m.field`.
    func lookup(string key: String) -> Value? {
        for (index, candidate) in keys.enumerated() {
            if case .string(let s) = candidate, Value.sameUTF8(s, key) { return values[index] }
        }
        return nil
    }
}

extension CELType {
    /// The name CEL gives a type value: `int`, `list`, `map`, `type`, `null_type`...
    public var celName: String {
        switch self {
        case .list: "list"
        case .map: "map"
        case .type: "type"
        case .object(let object): object.name
        default: description
        }
    }
}
