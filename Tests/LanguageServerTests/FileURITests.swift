import Testing
@testable import LanguageServer

@Suite struct FileURITests {
    @Test(arguments: [
        ("file:///ws/rules/a.yaml", "/ws/rules/a.yaml"),
        ("file:///ws/h%E1%BB%93%20s%C6%A1/a%20b.yaml", "/ws/hồ sơ/a b.yaml"),
        ("file://localhost/ws/a.yaml", "/ws/a.yaml"),
        ("untitled:Untitled-1", "untitled:Untitled-1"),
    ])
    func pathOfURI(uri: String, path: String) {
        #expect(FileURI.path(of: uri) == path)
    }

    @Test func uriOfPathRoundTrips() {
        let path = "/ws/hồ sơ/a b#1.yaml"
        #expect(FileURI.uri(of: path) == "file:///ws/h%E1%BB%93%20s%C6%A1/a%20b%231.yaml")
        #expect(FileURI.path(of: FileURI.uri(of: path)) == path)
    }
}
