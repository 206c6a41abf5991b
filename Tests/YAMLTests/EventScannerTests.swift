import Diagnostics
import Testing
import YAML

@Suite struct EventScannerTests {
    @Test func countsEvents() {
        let bytes = Array("a: [1, 2]\n".utf8)
        // stream, document, mapping, a, sequence, 1, 2, sequence end, mapping end, document end, stream end
        #expect(bytes.withUnsafeBytes { YAMLEventScanner.countEvents(bytes: $0) } == .success(11))
        #expect([UInt8]().withUnsafeBytes { YAMLEventScanner.countEvents(bytes: $0) } == .success(2))
    }

    @Test func reportsLibYAMLErrors() {
        let bytes = Array("a: \"x\n".utf8)
        let result = bytes.withUnsafeBytes { YAMLEventScanner.countEvents(bytes: $0) }
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(diagnostic.description
            == "<input>:2:1: error: found unexpected end of stream while scanning a quoted scalar [yaml.syntax]")
    }
}
