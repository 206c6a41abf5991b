import Screening
import Testing

/// The compact list of paths a screening reads: the same paths, sorted by bytes like
/// `DossierFinder.sortedByBytes`, filtered in order.
@Suite struct PathListTests {
    static let paths = ["b/ở.yaml", "a.yaml", "B.yaml", "", "a/very/long/path/to/dossier-000123.yaml", "b/o.yaml"]

    @Test func pathsReadBackAsWritten() {
        let list = PathList(Self.paths)
        #expect(Array(list) == Self.paths)
        #expect(list.count == 6)
        #expect(list[4] == "a/very/long/path/to/dossier-000123.yaml")
    }

    @Test func sortingIsByUTF8Bytes() {
        #expect(Array(PathList(Self.paths).sortedByBytes()) == DossierFinder.sortedByBytes(Self.paths))
    }

    /// A listing holds its folder once: the paths read back whole, sort and filter alike.
    @Test func aListedFolderIsHeldOnce() {
        var list = PathList(prefix: "/data/ở/")
        for name in ["b.yaml", "a.yaml", "sub/c.yaml", ""] { list.append("/data/ở/" + name) }
        #expect(Array(list) == ["/data/ở/b.yaml", "/data/ở/a.yaml", "/data/ở/sub/c.yaml", "/data/ở/"])
        #expect(Array(list.sortedByBytes()) == ["/data/ở/", "/data/ở/a.yaml", "/data/ở/b.yaml", "/data/ở/sub/c.yaml"])
        #expect(Array(list.filter { $0.hasSuffix("a.yaml") }) == ["/data/ở/a.yaml"])
        #expect(list == PathList(Array(list)))
    }

    @Test func filteringKeepsTheOrder() {
        #expect(Array(PathList(Self.paths).filter { $0.hasPrefix("b") }) == ["b/ở.yaml", "b/o.yaml"])
    }
}

extension PathListTests {
    /// More than a block of paths (1 MiB), one path longer than a block, paths added after a sort.
    @Test func manyAndLongPathsReadBackAndSort() {
        var paths = (0..<40_000).map { "/folder/dossier-\(String((7919 * $0) % 40_000)).yaml" }
        paths.insert(String(repeating: "x", count: 1_100_000), at: 20_000)
        var list = PathList(paths)
        #expect(Array(list) == paths)
        list = list.sortedByBytes()
        #expect(Array(list) == DossierFinder.sortedByBytes(paths))
        list.append("/after")
        #expect(list.last == "/after")
        #expect(list.count == paths.count + 1)
    }

    /// Paths that share a long prefix, then differ within the 8 bytes after it, past them, or
    /// only in length; duplicates and empty paths: the order is the bytes' order all the same.
    @Test func sharedPrefixesSortByTheirBytes() {
        let paths = [
            "/data/slate/dossier-10.yaml", "/data/slate/dossier-1.yaml", "/data/slate/dossier-1",
            "/data/slate/dossier-0000000001.yaml", "/data/slate/dossier-0000000000.yaml",
            "/data/slate/dossier-00000000009", "/data/slate/dossier-0000000001.yaml",
            "/data/slate/dossier-Ở.yaml", "/data/slate/dossier-O.yaml", "/data/slate/", "/data/slate/dossier-",
        ]
        #expect(Array(PathList(paths).sortedByBytes()) == DossierFinder.sortedByBytes(paths))
        #expect(Array(PathList(["", "", "a"]).sortedByBytes()) == ["", "", "a"])
        #expect(Array(PathList(["same", "same"]).sortedByBytes()) == ["same", "same"])
        #expect(Array(PathList(["b", "a"]).sortedByBytes()) == ["a", "b"])
    }
}
