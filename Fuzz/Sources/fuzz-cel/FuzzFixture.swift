import CEL

/// The declarations and values every fuzzed expression sees: scalars of each type, a list,
/// a map, and a `discipline` record (an `ObjectType`) alone and in a list, much as rules see
/// a dossier. Built once; `Environment` is read-only after declaration.
enum FuzzFixture {
    static let discipline = ObjectType(name: "discipline", fields: [
        .init(name: "system", type: .string),
        .init(name: "form", type: .string),
        .init(name: "date", type: .date),
        .init(name: "revoked", type: .bool),
        .init(name: "months", type: .int),
        .init(name: "fine", type: .double),
    ])

    static let calendar: HolidayCalendar = {
        let holidays: Set<CivilDate> = [CivilDate(year: 2025, month: 9, day: 2), CivilDate(year: 2025, month: 1, day: 1)]
            .compactMap { $0 }.reduce(into: []) { $0.insert($1) }
        return HolidayCalendar(holidays: holidays, years: 2020...2030)
    }()

    static let declarations: [(String, CELType, Value)] = {
        let today = CivilDate(year: 2025, month: 9, day: 20).map(Value.date) ?? .null
        let record = Value.object(ObjectValue(
            type: discipline,
            fields: [.string("state"), .string("warning"), CivilDate(year: 2025, month: 1, day: 10).map(Value.date) ?? .null,
                     .bool(false), .int(12), .double(1.5)],
            present: [true, true, true, true, true, false]))
        return [
            ("as_of", .date, today),
            ("n", .int, .int(42)),
            ("big", .int, .int(Int64.max)),
            ("x", .double, .double(-0.5)),
            ("s", .string, .string("Nguyễn Văn An")),
            ("ok", .bool, .bool(true)),
            ("nothing", .null, .null),
            ("t", .timestamp, .timestamp(Timestamp(seconds: 1_758_326_400))),
            ("xs", .list(.int), .list(ListValue([.int(1), .int(-2), .int(3)]))),
            ("names", .list(.string), .list(ListValue([.string("a"), .string(""), .string("Đ")]))),
            ("m", .map(key: .string, value: .dyn), .map(MapValue(keys: [.string("k"), .string("n")], values: [.int(1), .string("v")]))),
            ("d", .object(discipline), record),
            ("discipline", .list(.object(discipline)), .list(ListValue([record, record]))),
            ("any", .dyn, .list(ListValue([.int(1), .string("two"), record]))),
        ]
    }()

    static let environment: Environment = {
        let environment = Environment(calendar: calendar)
        for (name, type, _) in declarations { environment.declare(variable: name, type: type) }
        return environment
    }()

    static let activation: Activation = {
        var activation = Activation(slotCount: environment.variableCount)
        for (name, _, value) in declarations {
            if let slot = environment.lookup(variable: name)?.slot { activation[slot] = value }
        }
        return activation
    }()
}
