import Foundation
import Testing
import TestSupport

/// Each committed file in `Tests/CLITests/Hostile` given to `appraise check`: a clean error
/// with file:line:column and code, exit 2 (issue 8, hostile-input corpus).
@Suite struct HostileCorpusTests {
    /// (file, the exact diagnostic `check` prints for it).
    static let cases: [(String, String)] = [
        ("billion-laughs.yaml",
         "billion-laughs.yaml:8:12: error: expanding aliases exceeds the alias expansion limit of 10000 nodes; raise it with --max-alias-nodes [yaml.alias-budget]"),
        ("invalid-utf8.yaml", "invalid-utf8.yaml:5:20: error: invalid leading UTF-8 octet (byte 0xFF) [yaml.syntax]"),
        ("utf16-bom.yaml", "utf16-bom.yaml:1:1: error: the file is UTF-16; save the file as UTF-8 [yaml.encoding]"),
        ("utf16-no-bom.yaml", "utf16-no-bom.yaml:1:1: error: the file is UTF-16; save the file as UTF-8 [yaml.encoding]"),
        ("nul-byte.yaml", "nul-byte.yaml:10:15: error: control characters are not allowed (U+0000) [yaml.syntax]"),
        ("tab-indent.yaml",
         "tab-indent.yaml:5:1: error: found a tab character that violates indentation while scanning a plain scalar [yaml.syntax]"),
        ("duplicate-key-top.yaml", "duplicate-key-top.yaml:28:1: error: duplicate key 'format' in this mapping [yaml.duplicate-key]"),
        ("duplicate-key-depth2.yaml", "duplicate-key-depth2.yaml:7:3: error: duplicate key 'name' in this mapping [yaml.duplicate-key]"),
        ("duplicate-key-depth3.yaml", "duplicate-key-depth3.yaml:17:5: error: duplicate key 'kind' in this mapping [yaml.duplicate-key]"),
        ("duplicate-key-depth4.yaml", "duplicate-key-depth4.yaml:21:82: error: duplicate key 'owner' in this mapping [yaml.duplicate-key]"),
        ("tag-python-object.yaml",
         "tag-python-object.yaml:7:11: error: the tag !!python/object:os.system is not supported; only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are allowed [yaml.tag]"),
        ("tag-custom.yaml",
         "tag-custom.yaml:7:11: error: the tag !custom is not supported; only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are allowed [yaml.tag]"),
        ("merge-key.yaml", "merge-key.yaml:13:3: error: merge keys (<<) are not supported; write the fields out [yaml.merge-key]"),
        ("huge-money.yaml",
         "huge-money.yaml:18:19: error: invalid amount '99999999999999999999999' for declarations[0].total_income; expected whole đồng as an integer ≥ 0 [schema.money]"),
        ("huge-int.yaml",
         "huge-int.yaml:15:11: error: expected an integer for declarations[0].year, found '99999999999999999999999' [schema.type]"),
        ("nan-money.yaml",
         "nan-money.yaml:18:19: error: invalid amount '.nan' for declarations[0].total_income; expected whole đồng as an integer ≥ 0 [schema.money]"),
        ("inf-money.yaml",
         "inf-money.yaml:18:19: error: invalid amount '.inf' for declarations[0].total_income; expected whole đồng as an integer ≥ 0 [schema.money]"),
        ("negative-inf-money.yaml",
         "negative-inf-money.yaml:18:19: error: invalid amount '-.inf' for declarations[0].total_income; expected whole đồng as an integer ≥ 0 [schema.money]"),
        ("negative-money.yaml",
         "negative-money.yaml:18:19: error: invalid amount '-480000000' for declarations[0].total_income; expected whole đồng as an integer ≥ 0 [schema.money]"),
        ("fractional-money.yaml",
         "fractional-money.yaml:18:19: error: invalid amount '480000000.5' for declarations[0].total_income; expected whole đồng as an integer ≥ 0 [schema.money]"),
        ("date-zero.yaml",
         "date-zero.yaml:8:15: error: invalid date '0000-00-00' for candidate.birth_date; expected an existing date as YYYY-MM-DD [schema.date]"),
        ("date-feb-29.yaml",
         "date-feb-29.yaml:8:15: error: invalid date '2023-02-29' for candidate.birth_date; expected an existing date as YYYY-MM-DD [schema.date]"),
        ("empty.yaml", "empty.yaml:1:1: error: the file holds no document; expected a dossier/1 document [schema.kind]"),
    ]

    @Test(arguments: cases)
    func corpusFileIsRejectedCleanly(file: String, diagnostic: String) throws {
        Hostile.expectRejected(try Hostile.check([file], cwd: Hostile.corpus), diagnostic)
    }

    @Test func everyCorpusFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Hostile.corpus.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.cases.map(\.0) + ["valid.yaml"]))
    }

    @Test func theValidBaseLoads() throws {
        let run = try Hostile.check(["valid.yaml"], cwd: Hostile.corpus)
        #expect(run.code == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.checkBody.hasPrefix("REVIEW      HX-0001  Phạm Thị Thử  (valid.yaml)\n"))
        #expect(run.stdout.contains("  valid.yaml:16:3  REVIEW      DECL-NOMINATION-MISSING"))
    }
}
