import CEL
import Foundation
import Testing
import YAML
@testable import RuleEngine

/// The paths a `PathTable` keeps must read exactly as the validator makes them, be found again
/// under the same parent and step, stop being kept (and still read right) once the table is
/// full, and never be given from a table made for another root record.
struct PathTableTests {
    typealias Path = PathTable.Path

    @Test func keptPathsReadAsMadeAndAreFoundAgain() {
        let table = PathTable()
        let family = table.field(of: .root, slot: 3, name: "family")
        let member = table.item(of: family, index: 12)
        let businesses = table.field(of: member, slot: 3, name: "businesses")
        #expect(family.text == "family")
        #expect(member.text == "family[12]")
        #expect(businesses.text == "family[12].businesses")
        #expect(table.pathCount == 4)

        let again = table.field(
            of: table.item(of: table.field(of: .root, slot: 3, name: "family"), index: 12),
            slot: 3, name: "businesses")
        #expect(again.id == businesses.id && again.text == businesses.text)
        #expect(table.pathCount == 4)

        // The same number as a slot and as an index are two steps; so are two parents.
        let item3 = table.item(of: .root, index: 3)
        #expect(item3.text == "[3]" && item3.id != family.id)
        let other = table.item(of: businesses, index: 12)
        #expect(other.text == "family[12].businesses[12]" && other.id != member.id)
    }

    @Test func aFullTableMakesThePathsItNoLongerKeeps() {
        let table = PathTable()
        var kept: [Path] = []
        for index in 0..<(PathTable.maxPaths + 20) {
            let path = table.item(of: .root, index: index)
            #expect(path.text == "[\(index)]")
            if path.id != Path.unkept { kept.append(path) }
        }
        #expect(kept.count == PathTable.maxPaths - 1)
        #expect(table.pathCount == PathTable.maxPaths)
        let unkept = table.item(of: .root, index: PathTable.maxPaths + 5)
        #expect(unkept.id == Path.unkept)
        let below = table.field(of: unkept, slot: 0, name: "name")
        #expect(below.id == Path.unkept && below.text == "[\(PathTable.maxPaths + 5)].name")
        // A kept path is still found, under its number.
        let first = table.item(of: .root, index: 0)
        #expect(first.id == kept[0].id && first.text == "[0]")
    }

    @Test func aThreadsTablesAreOneAtATimeAndThePathsStartAfreshForAnotherRoot() throws {
        let plans = DriverEquivalenceTests.schema.plans
        try #require(plans.count >= 2)
        let tables = try #require(ThreadTables.forThread(root: plans[0]))
        #expect(ThreadTables.forThread(root: plans[0]) == nil, "tables in use are not given twice")
        let kept = tables.paths.field(of: .root, slot: 1, name: "family")
        #expect(kept.id != Path.unkept)
        tables.release()

        let same = try #require(ThreadTables.forThread(root: plans[0]))
        #expect(same === tables)
        #expect(same.paths.field(of: .root, slot: 1, name: "family").id == kept.id)
        let count = same.paths.pathCount
        same.release()

        let other = try #require(ThreadTables.forThread(root: plans[1]))
        #expect(other.paths.pathCount == 1, "another root starts from the root's path alone (was \(count))")
        other.release()
    }

    static func validate(_ bytes: [UInt8]) -> ObjectValue? {
        bytes.withUnsafeBytes {
            DriverEquivalenceTests.schema.validate(
                bytes: $0, file: "d.yaml", limits: .default, as: .dossier, options: ValidationOptions())?.value
        }
    }

    @Test func aSecondAlikeDossierOnOneThreadMakesNoNewPath() throws {
        let schema = DriverEquivalenceTests.schema
        let root = schema.plans[schema.rootPosition(of: .dossier)]
        let files = DriverEquivalenceTests.files(under: "candidates").filter { $0.pathExtension == "yaml" }
        let texts = files.map { Array((try? Data(contentsOf: $0)) ?? Data()) }
        guard let bytes = texts.first(where: { Self.validate($0) != nil }), let first = Self.validate(bytes) else {
            Issue.record("no valid dossier under candidates/")
            return
        }
        let tables = try #require(ThreadTables.forThread(root: root))
        let count = tables.paths.pathCount
        tables.release()
        #expect(count > 1)
        let second = Self.validate(bytes)
        let after = try #require(ThreadTables.forThread(root: root))
        #expect(after.paths.pathCount == count)
        after.release()
        #expect(DriverEquivalenceTests.dump(first) == DriverEquivalenceTests.dump(second))
    }
}
