/// `sum`, `max` and `min` over lists of ints or doubles (`max`/`min` also of dates).
/// `sum([])` is 0; `max([])` and `min([])` are errors; int overflow is an error.
enum Aggregates {
    typealias T = CELType

    static var all: [NamedOverload] {
        var list: [NamedOverload] = []
        for t in [T.int, .double] {
            list.append(NamedOverload("sum", .unary("sum_\(t.celName)", .list(t), t, sum)))
        }
        for t in [T.int, .double, .date] {
            list.append(NamedOverload("max", .unary("max_\(t.celName)", .list(t), t) { extreme($0, "max", .greater) }))
            list.append(NamedOverload("min", .unary("min_\(t.celName)", .list(t), t) { extreme($0, "min", .less) }))
        }
        return list
    }

    @Sendable static func sum(_ v: Value) -> Value {
        guard case .list(let list) = v else { return .fail(.evalType, "no such overload: sum") }
        var total = Value.int(0)
        for (i, element) in list.enumerated() {
            switch element {
            case .int, .double: break
            default: return .fail(.evalType, "sum() needs numbers, found \(element.runtimeType.celName)")
            }
            if i == 0 {
                total = element
                continue
            }
            total = add(total, element)
            if total.isError { return total }
        }
        return total
    }

    static func add(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .double(let y)): .double(Double(x) + y)
        case (.double(let x), .int(let y)): .double(x + Double(y))
        default: Operators.plus(a, b)
        }
    }

    static func extreme(_ v: Value, _ name: String, _ wanted: Value.Order) -> Value {
        guard case .list(let list) = v else { return .fail(.evalType, "no such overload: \(name)") }
        guard var best = list.first else { return .fail(.evalOutOfRange, "\(name)() of an empty list") }
        for element in list {
            guard let order = Value.order(element, best) else {
                return .fail(.evalType, "\(name)() cannot compare \(element.runtimeType.celName) with \(best.runtimeType.celName)")
            }
            if order == wanted { best = element }
        }
        return best
    }
}
