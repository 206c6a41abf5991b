import CEL
import Diagnostics
import Foundation
import RuleEngine
import Screening
import Testing

/// `FindingSorter`: slate findings in report order through sorted runs on disk give exactly
/// what sorting them all in memory gives.
@Suite struct FindingSorterTests {
    /// Findings with many ties in report order (few severities, rules, lines and columns), and
    /// every part a finding can have.
    static func findings(count: Int, seed: Int) -> [Finding] {
        var random = seed
        func next(_ bound: Int) -> Int {
            random = (random &* 1_103_515_245 &+ 12_345) & 0x7FFF_FFFF
            return (random >> 8) % bound
        }
        let severities: [Severity] = [.note, .review, .disqualify, .error]
        return (0..<count).map { index in
            let location = FindingLocation(
                file: "dossiers/d\(index).yaml", line: 2 + next(2), column: 3, path: "candidate",
                endLine: index % 3 == 0 ? nil : 9, endColumn: index % 3 == 0 ? nil : 4)
            var finding = Finding(
                rule: "SLATE-R\(index % 3)", severity: severities[next(severities.count)], title: "Title \(index)",
                message: "message \(index) — có dấu", basis: "Quy định 114-QĐ/TW", location: location,
                evidence: [
                    EvidenceItem(location: location, value: .list([.int(-5), .double(0.25), .null, .bool(true), .string("x")])),
                    EvidenceItem(location: location, value: .bool(false)),
                ],
                comparisons: ["a = 1 < 2"], related: [FindingLocation(file: "dossiers/o.yaml", line: 2, column: 3, path: "candidate")],
                ruleOrder: next(3), subjects: ["GEN-\(index)", "GEN-0"])
            if index % 5 == 0 {
                finding.failure = RuleFailure(
                    code: .evalMissing, expression: "a.b", ruleLocation: SourceLocation(file: "rules/slate.yaml", line: 4, column: 9),
                    ruleEnd: index % 10 == 0 ? nil : SourceLocation(file: "rules/slate.yaml", line: 4, column: 12),
                    ruleLine: index % 10 == 0 ? nil : "    when: a.b")
            }
            return finding
        }
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("finding-sorter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Added in parts, in any order, each part tagged with its place: the result is the stable
    /// sort of all of them, whether runs stay in memory or go to a file.
    @Test(arguments: [1, 7, 64, Int.max])
    func sortedRunsGiveTheStableReportOrder(runLength: Int) throws {
        let all = Self.findings(count: 300, seed: runLength % 1000)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sorter = FindingSorter(runLength: runLength, folder: folder.path)
        let parts = stride(from: 0, to: all.count, by: 23).map { $0..<min($0 + 23, all.count) }
        for part in parts.reversed() { sorter.add(Array(all[part]), tie: UInt64(part.lowerBound)) }
        #expect(sorter.spilled == (runLength < all.count))
        var sorted = sorter.sorted()
        var read: [Finding] = []
        while let finding = sorted.next() { read.append(finding) }
        #expect(!sorted.failed)
        #expect(read.count == all.count)
        #expect(read == all.sorted(by: Finding.reportOrder))
        // Nothing is left behind in the folder: the file was unlinked when opened.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        #expect(sorted.next() == nil)
    }

    /// No temporary file can be made (the folder does not exist): the findings stay in memory,
    /// none lost, in the same order.
    @Test func withoutATemporaryFileFindingsStayInMemory() throws {
        let all = Self.findings(count: 100, seed: 3)
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)/runs")
        let sorter = FindingSorter(runLength: 7, folder: missing.path)
        sorter.add(Array(all[50...]), tie: 50)
        sorter.add(Array(all[..<50]), tie: 0)
        #expect(!sorter.spilled)
        var sorted = sorter.sorted()
        var read: [Finding] = []
        while let finding = sorted.next() { read.append(finding) }
        #expect(!sorted.failed)
        #expect(read == all.sorted(by: Finding.reportOrder))
    }

    /// The spill file shrinks under the sorter (truncated through `/proc/self/fd`, the only way
    /// to reach a file unlinked when opened): reading back fails, and `failed` says so, so the
    /// screening run abandons its reports instead of writing an incomplete one (exit 2).
    @Test func aSpillFileThatCannotBeReadBackIsReportedAsFailed() throws {
        let all = Self.findings(count: 200, seed: 11)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sorter = FindingSorter(runLength: 10, folder: folder.path)
        sorter.add(all, tie: 0)
        #expect(sorter.spilled)
        let descriptors = Self.spillDescriptors(in: folder)
        try #require(descriptors.count == 1)
        #expect(ftruncate(descriptors[0], 0) == 0)
        var sorted = sorter.sorted()
        var read: [Finding] = []
        while let finding = sorted.next() { read.append(finding) }
        #expect(sorted.failed)
        #expect(read.count < all.count)
    }

    /// This process's open descriptors whose file is an unlinked spill file made in `folder`.
    static func spillDescriptors(in folder: URL) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.compactMap { entry in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(entry)"),
                  target.contains(folder.lastPathComponent + "/appraise-spill-"), target.hasSuffix("(deleted)")
            else { return nil }
            return Int32(entry)
        }
    }

    /// A slate rule whose findings go through a sorter that spills every few findings, its
    /// pairs split over threads, reports what the in-memory evaluation reports, byte for byte.
    @Test func spilledSlateFindingsAreTheInMemoryOnes() throws {
        let prepared = RuleHarness.prepare(PairKeysTests.rules(keys: "'[a.candidate.citizen_id]'"))
        let context = try #require(prepared.context)
        // Three groups of 33–34 share a citizen_id: 3,300 ordered pairs, split in 4 parts of
        // several hundred findings each, handed over in chunks.
        let dossiers = RuleHarness.dossiers((0..<100).map { index in
            ("candidate: {id: D-\(100 + index), citizen_id: '0370780\(index % 3)'}", "d\(index).yaml")
        }).compactMap { $0 }
        let evaluator = SlateEvaluator(rules: prepared.compiled.rules, context: context)
        let asOf = CivilDate(year: 2025, month: 9, day: 20)!
        let params = context.paramsOn(asOf)
        let keys = evaluator.pairKeys(slate: .null, asOf: asOf, params: params)
        let expected = evaluator.evaluate(
            candidates: SlateCandidates(dossiers: dossiers, keys: keys), slate: .null, slateLocation: nil, asOf: asOf,
            language: "en", params: params)
        #expect(expected.count == 34 * 33 / 2 + 2 * 33 * 32 / 2)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sorter = FindingSorter(runLength: 5, folder: folder.path)
        var candidates = SlateCandidates(dossiers: dossiers, keys: keys)
        candidates.parallel = .threads(4)
        evaluator.evaluate(
            candidates: candidates, slate: .null, slateLocation: nil, asOf: asOf, language: "en", params: params,
            into: sorter)
        #expect(sorter.spilled)
        var sorted = sorter.sorted()
        var read: [Finding] = []
        while let finding = sorted.next() { read.append(finding) }
        #expect(read == expected)
        #expect(!sorted.failed)
    }
}
