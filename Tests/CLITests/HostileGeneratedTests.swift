import Foundation
import Testing
import TestSupport

/// Hostile inputs too big to commit, or that are not plain files, generated into a scratch
/// folder at test time; and the encodings and paths that must be read correctly.
@Suite struct HostileGeneratedTests {
    @Test func deepFlowNestingIsRejected() throws {
        let folder = try Hostile.scratch()
        defer { Hostile.remove(folder) }
        let depth = 100_000
        try Hostile.write(Array("a: ".utf8) + Array(repeating: UInt8(ascii: "["), count: depth)
            + Array(repeating: UInt8(ascii: "]"), count: depth) + [0x0A], "deep.yaml", in: folder)
        Hostile.expectRejected(
            try Hostile.check(["deep.yaml"], cwd: folder),
            "deep.yaml:1:103: error: the nesting is deeper than the depth limit of 100 levels; raise it with --max-depth [yaml.too-deep]")
    }

    @Test func deepBlockNestingIsRejected() throws {
        let folder = try Hostile.scratch()
        defer { Hostile.remove(folder) }
        var text = ""
        for level in 0..<2_000 { text += String(repeating: " ", count: level) + "k\(level):\n" }
        text += String(repeating: " ", count: 2_000) + "v\n"
        try Hostile.write(Array(text.utf8), "deep.yaml", in: folder)
        Hostile.expectRejected(
            try Hostile.check(["deep.yaml"], cwd: folder),
            "deep.yaml:101:101: error: the nesting is deeper than the depth limit of 100 levels; raise it with --max-depth [yaml.too-deep]")
    }

    @Test func fiftyMegabyteScalarIsRejected() throws {
        let folder = try Hostile.scratch()
        defer { Hostile.remove(folder) }
        try Hostile.write(Array("format: dossier/1\nnote: ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 50 << 20)
            + [0x0A], "big.yaml", in: folder)
        Hostile.expectRejected(
            try Hostile.check(["big.yaml"], cwd: folder),
            "big.yaml:1:1: error: cannot read the dossier: it is 52428825 bytes, over the file size limit of 16777216 bytes; raise it with --max-file-bytes [yaml.too-large]")
        // Past the file size limit, the scalar limit still stops it.
        Hostile.expectRejected(
            try Hostile.check(["--max-file-bytes", "60000000", "big.yaml"], cwd: folder),
            "big.yaml:2:7: error: this scalar is 52428800 bytes, more than the scalar size limit of 1048576 bytes; raise it with --max-scalar-bytes [yaml.scalar-too-long]")
    }

    @Test func oneMillionKeysAreRejected() throws {
        let folder = try Hostile.scratch()
        defer { Hostile.remove(folder) }
        var text = "format: dossier/1\nextra:\n"
        text.reserveCapacity(13_000_000)
        for key in 0..<1_000_000 { text += "  k\(key): 1\n" }
        try Hostile.write(Array(text.utf8), "keys.yaml", in: folder)
        Hostile.expectRejected(
            try Hostile.check(["keys.yaml"], cwd: folder),
            "keys.yaml:3:3: error: this mapping has more than 100000 entries, the collection size limit; raise it with --max-collection-count [yaml.collection-too-long]")
    }

    @Test(arguments: [("/dev/null", "a device"), ("/dev/zero", "a device")])
    func deviceIsRejectedWithoutHanging(path: String, what: String) throws {
        let run = try runAppraise(["check", "--as-of", "2025-09-20", path], timeout: 60)
        Hostile.expectRejected(
            run, "\(path):1:1: error: cannot read the dossier: it is \(what), not a regular file [input.unreadable]")
    }

    @Test func folderGivenAsDossierIsRejected() throws {
        let folder = try Hostile.scratch()
        defer { Hostile.remove(folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir.yaml"), withIntermediateDirectories: true)
        let run = try Hostile.check(["dir.yaml"], cwd: folder)
        #expect(run.code == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("dir.yaml is a folder; `check` takes dossier files: run `appraise screen dir.yaml`"))
    }

    @Test func symlinkLoopInScreenedFolderIsReportedOnce() throws {
        let folder = try Hostile.scratch()
        defer { Hostile.remove(folder) }
        let sub = folder.appendingPathComponent("slate/sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Hostile.write(Array(try Hostile.validDossier().utf8), "a.yaml", in: sub)
        try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("up").path, withDestinationPath: "..")
        let run = try runAppraise(["screen", "--as-of", "2025-09-20", "slate"], cwd: folder, timeout: 60)
        #expect(run.code == 2)
        #expect(run.stderr == "slate/sub/up: error: symbolic link loop: this folder was already screened [input.symlink-loop]\n")
        #expect(run.stdout.contains("1 candidate: 0 eligible, 1 review, 0 ineligible, 0 invalid"))
    }

    /// CRLF, lone CR and a UTF-8 BOM must be read as the LF file is: same findings, same lines.
    @Test(arguments: ["crlf", "cr", "bom"])
    func lineEndsAndBOMReadLikeLF(variant: String) throws {
        let folder = try Hostile.scratch()
        defer { Hostile.remove(folder) }
        let text = try Hostile.validDossier()
        let bytes: [UInt8] =
            switch variant {
            case "crlf": Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            case "cr": Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)
            default: [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            }
        try Hostile.write(Array(text.utf8), "lf.yaml", in: folder)
        try Hostile.write(bytes, "\(variant).yaml", in: folder)
        let lf = try Hostile.check(["--format", "json", "lf.yaml"], cwd: folder)
        let other = try Hostile.check(["--format", "json", "\(variant).yaml"], cwd: folder)
        #expect(lf.code == 1 && other.code == 1, "\(other.stdout)")
        #expect(Self.withoutFileAndDigest(other.stdout, file: "\(variant).yaml") == Self.withoutFileAndDigest(lf.stdout, file: "lf.yaml"))
        #expect(other.stdout.contains("\"line\": 16"))
    }

    @Test func pathWithSpacesAndVietnameseIsReadCorrectly() throws {
        let folder = try Hostile.scratch()
        defer { Hostile.remove(folder) }
        let sub = folder.appendingPathComponent("Hồ sơ ứng viên khóa XXII")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Hostile.write(Array(try Hostile.validDossier().utf8), "Phạm Thị Thử (bản 2).yaml", in: sub)
        let run = try Hostile.check(["Hồ sơ ứng viên khóa XXII/Phạm Thị Thử (bản 2).yaml"], cwd: folder)
        #expect(run.code == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.checkBody.hasPrefix("REVIEW      HX-0001  Phạm Thị Thử  (Hồ sơ ứng viên khóa XXII/Phạm Thị Thử (bản 2).yaml)\n"))
        #expect(run.stdout.contains("  Hồ sơ ứng viên khóa XXII/Phạm Thị Thử (bản 2).yaml:16:3  REVIEW      DECL-NOMINATION-MISSING"))
        let screen = try runAppraise(["screen", "--as-of", "2025-09-20", "--format", "jsonl", "."], cwd: folder)
        #expect(screen.code == 1, "\(screen.stderr)")
        #expect(screen.stdout.contains("\"file\":\"Hồ sơ ứng viên khóa XXII/Phạm Thị Thử (bản 2).yaml\""), "\(screen.stdout)")
    }

    private static func withoutFileAndDigest(_ json: String, file: String) -> String {
        json.replacingOccurrences(of: file, with: "FILE")
            .split(separator: "\n").filter { !$0.contains("\"digest\": \"sha256:") }
            .joined(separator: "\n")
    }
}
