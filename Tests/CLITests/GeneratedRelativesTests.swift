import Foundation
import Testing
import TestSupport

/// `appraise-bench generate` gives a slate a bounded number of relatives per candidate: the
/// related pairs grow with the count, not its square (issue 15: with n² chance matches, the
/// slate findings of a million dossiers were 164 MB), and no two dossiers share a citizen_id.
@Suite struct GeneratedRelativesTests {
    /// What the shipped relatives rules compare: a candidate's name, birth year and
    /// citizen_id, and the same of each family entry.
    struct Person: Hashable {
        var name: String
        var year: String?
        var citizenID: String?
    }

    /// The candidate and its family entries, read from the generator's fixed layout.
    static func people(in text: String) -> (candidate: Person, family: [Person]) {
        var candidate = Person(name: "")
        var family: [Person] = []
        var section = ""
        func value(_ line: Substring, _ key: String) -> String? {
            guard let range = line.range(of: "\(key): ") else { return nil }
            let rest = line[range.upperBound...].prefix { $0 != "," && $0 != "}" && $0 != "\n" }
            return String(rest).trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        }
        for line in text.split(separator: "\n") {
            if !line.hasPrefix(" ") { section = String(line) }
            if section == "candidate:", line.hasPrefix("  ") && !line.hasPrefix("   ") {
                if let name = value(line, "name") { candidate.name = name }
                if let id = value(line, "citizen_id") { candidate.citizenID = id }
                if let date = value(line, "birth_date") { candidate.year = String(date.prefix(4)) }
            } else if section == "family:" {
                if line.hasPrefix("  - ") { family.append(Person(name: "")) }
                guard !family.isEmpty, !line.hasPrefix("      ") else { continue }
                if let name = value(line, "name") { family[family.count - 1].name = name }
                if let year = value(line, "birth_year") { family[family.count - 1].year = year }
                if let id = value(line, "citizen_id") { family[family.count - 1].citizenID = id }
            }
        }
        return (candidate, family)
    }

    /// The unordered pairs of candidates where one lists the other (both citizen_ids given:
    /// they decide; else name and birth year), and how many citizen_ids are used twice.
    static func relatedPairs(count: Int) throws -> (pairs: Int, sharedIDs: Int) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("generated-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dossiers = try AtomicOutputTests.generatedFolder(in: folder, count: count)
        var people: [(candidate: Person, family: [Person])] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dossiers.path).sorted() {
            people.append(Self.people(in: try String(contentsOf: dossiers.appendingPathComponent(name), encoding: .utf8)))
        }
        var byID: [String: [Int]] = [:]
        var byNameYear: [String: [Int]] = [:]
        for (index, person) in people.enumerated() {
            if let id = person.candidate.citizenID { byID[id, default: []].append(index) }
            byNameYear["\(person.candidate.name)/\(person.candidate.year ?? "")", default: []].append(index)
        }
        var pairs: Set<[Int]> = []
        for (index, person) in people.enumerated() {
            for relative in person.family {
                let matches = relative.citizenID.map { byID[$0] ?? [] }
                    ?? (relative.year == nil ? [] : byNameYear["\(relative.name)/\(relative.year!)"] ?? [])
                for other in matches where other != index
                    && (relative.citizenID == nil || people[other].candidate.citizenID != nil)
                {
                    pairs.insert([min(index, other), max(index, other)])
                }
            }
        }
        return (pairs.count, byID.values.filter { $0.count > 1 }.count)
    }

    @Test func relatedPairsGrowLinearly() throws {
        let small = try Self.relatedPairs(count: 1_000)
        let large = try Self.relatedPairs(count: 5_000)
        // Every 500th candidate lists the one before it, and nothing else relates two of them.
        #expect(small.pairs == 2)
        #expect(large.pairs == 10)
        #expect(small.sharedIDs == 0)
        #expect(large.sharedIDs == 0)
    }
}
