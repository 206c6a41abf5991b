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
