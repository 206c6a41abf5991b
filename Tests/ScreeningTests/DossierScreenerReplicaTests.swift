import CEL
import Foundation
import RuleEngine
import Testing
import TestSupport
@testable import Screening

/// A worker's replica of the screener (`DossierScreener.replica()`) answers exactly as the
/// screener does, and shares none of its compiled rules or schema types: sharing them is what
/// it exists to avoid.
@Suite struct DossierScreenerReplicaTests {
    static let root = packageRoot()

    static func screener() throws -> DossierScreener {
        let session = try RuleSetSession.load(
            paths: [root.appendingPathComponent("rules").path], maxFileBytes: 1 << 20,
            emptyRules: .checked(allowed: false, screening: true))
        let (schema, context) = try session.forScreening()
        var options = ScreeningOptions(toolVersion: "test")
        options.asOf = "2025-09-20"
        let setup = try ScreeningSetup.make(
            options: options, slate: nil, slateRules: session.prepared.compiled.slateRules, style: .screen,
            session: session, schema: schema, context: context)
        return setup.screener
    }

    @Test func aReplicaHasObjectsOfItsOwn() throws {
        let screener = try Self.screener()
        let replica = screener.replica()
        #expect(replica.schema.dossierType !== screener.schema.dossierType)
        let rules = screener.screening.evaluator.rules
        let replicaRules = replica.screening.evaluator.rules
        #expect(rules.map(\.rule.id) == replicaRules.map(\.rule.id))
        #expect(!rules.isEmpty && zip(rules, replicaRules).allSatisfy { $0 !== $1 })
        #expect(screener.slateKeeper != nil && replica.slateKeeper?.ruleIDs == screener.slateKeeper?.ruleIDs)
    }

    /// Every example dossier: the same result, the same slate record and pair keys.
    @Test func aReplicaScreensEveryExampleDossierAlike() throws {
        let screener = try Self.screener()
        let replica = screener.replica()
        let folder = Self.root.appendingPathComponent("candidates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
        #expect(files.count > 5)
        for file in files {
            let expected = screener.screen(file)
            let got = replica.screen(file)
            #expect(got.result == expected.result, "\(file)")
            #expect(got.slateEntry?.record == expected.slateEntry?.record, "\(file)")
            #expect(got.slateEntry?.keys == expected.slateEntry?.keys, "\(file)")
        }
    }

    /// Without the rules it was prepared from, a screener cannot be replicated and is shared.
    @Test func withoutItsPreparationAScreenerIsItsOwnReplica() throws {
        var screener = try Self.screener()
        screener.preparation = nil
        #expect(screener.replica().schema.dossierType === screener.schema.dossierType)
    }
}
