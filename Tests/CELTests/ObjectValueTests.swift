@testable import CEL
import Diagnostics
import Testing

/// A record is one allocation with its field origins kept as positions: what it gives back
/// must be exactly what it was made with, in the compact form and in the form kept as given.
struct ObjectValueTests {
    static let type = ObjectType(name: "asset", fields: [
        .init(name: "category", type: .string), .init(name: "value", type: .int), .init(name: "note", type: .string),
    ])
    static let origin = ValueOrigin(
        location: SourceLocation(file: "d.yaml", line: 10, column: 7), path: "assets[2]",
        end: SourceLocation(file: "d.yaml", line: 13, column: 1))

    static func at(_ line: Int, _ path: String, file: String = "d.yaml") -> ValueOrigin {
        ValueOrigin(
            location: SourceLocation(file: file, line: line, column: 9), path: path,
            end: SourceLocation(file: file, line: line, column: 20))
    }

    static func make(_ fieldOrigins: [ValueOrigin?]?) -> ObjectValue {
        ObjectValue(
            type: type, fields: [.string("house"), .int(5), .null], present: [true, true, false], origin: origin,
            fieldOrigins: fieldOrigins)
    }

    @Test func fieldsAndPresenceReadBackInSlotOrder() {
        let record = Self.make(nil)
        #expect(record.fields.map(\.displayText) == ["\"house\"", "5", "null"])
        #expect(Array(record.present) == [true, true, false])
        #expect(record.present.description == "[true, true, false]")
        #expect(record.type == Self.type)
        #expect(record.origin == Self.origin)
    }

    @Test func originsInTheRecordsFileUnderTheFieldNameComeBackAsGiven() {
        let given = [Self.at(10, "category"), Self.at(11, "value"), nil]
        let record = Self.make(given)
        #expect(Array(record.fieldOrigins) == given)
        #expect(record.origin(ofField: 1) == Self.at(11, "assets[2].value"))
        #expect(record.origin(ofField: 2) == nil)
        #expect(record.readOrigin(ofField: 2) == Self.origin.with(path: "assets[2].note"))
    }

    @Test func originsOfAnotherFileOrPathAreKeptAsGiven() {
        for given in [
            [Self.at(10, "category", file: "other.yaml"), nil, nil],
            [Self.at(10, "assets[2].category"), nil, nil],
            [ValueOrigin(location: SourceLocation(file: "d.yaml", line: Int(Int32.max) + 1, column: 1), path: "category"), nil, nil],
        ] {
            let record = Self.make(given)
            #expect(Array(record.fieldOrigins) == given)
            #expect(record.origin(ofField: 0) == given[0]?.with(path: "assets[2].category"))
        }
    }

    @Test func noOriginsMeansOnePerFieldAndNoneMeansNone() {
        #expect(Array(Self.make(nil).fieldOrigins) == [nil, nil, nil])
        #expect(Self.make([]).fieldOrigins.isEmpty)
        #expect(Self.make([]).origin(ofField: 0) == nil)
    }

    @Test func aBuilderFillsSlotsInAnyOrder() {
        let builder = ObjectValue.Builder(type: Self.type)
        builder.set(1, to: .int(5), at: ValuePosition(start: Self.at(11, "").location, end: Self.at(11, "").end))
        builder.set(0, to: .string("house"), at: nil)
        #expect(builder.isPresent(0) && builder.isPresent(1) && !builder.isPresent(2))
        builder.setAbsent(2, to: .string("none"))
        let record = builder.finish(origin: Self.origin)
        #expect(record.fields.map(\.displayText) == ["\"house\"", "5", "\"none\""])
        #expect(Array(record.present) == [true, true, false])
        #expect(Array(record.fieldOrigins) == [nil, Self.at(11, "value"), nil])
    }

    @Test func copiesOfARecordAreOneRecord() {
        let record = Self.make(nil)
        let copy = record
        #expect(copy.identity == record.identity)
        #expect(Self.make(nil).identity != record.identity)
        #expect(Value.equal(.object(record), .object(Self.make(nil))))
    }
}

/// A field found by its ASCII bytes (a select the checker could not resolve) is the one the
/// name table gives, for every field, a missing name, a prefix and a longer name.
struct ObjectTypeSlotTests {
    static let type = ObjectType(name: "declaration", fields: [
        .init(name: "year", type: .int), .init(name: "kind", type: .string), .init(name: "submitted", type: .string),
        .init(name: "total_income", type: .int), .init(name: "assets", type: .string), .init(name: "", type: .int),
    ])

    @Test(arguments: ["year", "kind", "submitted", "total_income", "assets", "", "yea", "years", "total", "Year", "x"])
    func byBytesIsByName(name: String) {
        #expect(Self.type.slot(ofASCII: name) == Self.type.slot(of: name))
    }

    @Test func theFirstOfTwoFieldsOfOneNameAsTheTableDoes() {
        let twice = ObjectType(name: "r", fields: [.init(name: "a", type: .int), .init(name: "a", type: .string)])
        #expect(twice.slot(ofASCII: "a") == 0)
        #expect(twice.slot(of: "a") == 0)
    }
}

/// A select the checker could not resolve remembers the slot it found last (`SlotCache`); over
/// records of types that hold the name at different slots, read in turn, each read still gives
/// its own record's field, and a type that names two fields alike gives the first, as before.
struct SlotCacheTests {
    static let first = ObjectType(name: "a", fields: [.init(name: "year", type: .int), .init(name: "kind", type: .string)])
    static let second = ObjectType(name: "b", fields: [
        .init(name: "kind", type: .string), .init(name: "note", type: .string), .init(name: "year", type: .int),
    ])
    static let twice = ObjectType(name: "c", fields: [.init(name: "year", type: .int), .init(name: "year", type: .int)])

    static func record(_ type: ObjectType, _ fields: [Value]) -> Value {
        .object(ObjectValue(type: type, fields: fields, present: fields.map { _ in true }))
    }

    @Test func eachRecordGivesItsOwnField() throws {
        let environment = Environment()
        let slot = environment.declare(variable: "l", type: .list(.dyn))
        let program = try Program.compile("l.map(d, d.year)", in: environment)
        let presence = try Program.compile("l.map(d, has(d.year))", in: environment)
        var activation = Activation(slotCount: environment.variableCount)
        activation[slot] = .list(ListValue([
            Self.record(Self.first, [.int(1), .string("x")]), Self.record(Self.second, [.string("y"), .null, .int(2)]),
            Self.record(Self.first, [.int(3), .string("z")]), Self.record(Self.twice, [.int(4), .int(5)]),
            Self.record(Self.twice, [.int(6), .int(7)]), Self.record(Self.second, [.string("w"), .null, .int(8)]),
            .map(MapValue(keys: [.string("year")], values: [.int(9)])),
        ]))
        for _ in 0..<2 {
            #expect(program.evaluate(activation).displayText == "[1, 2, 3, 4, 6, 8, 9]")
            #expect(presence.evaluate(activation).displayText == "[true, true, true, true, true, true, true]")
        }
    }
}
